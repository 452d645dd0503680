using System.Net;
using System.Text.Json;
using RefundSaver.AppStoreSimulator.Tests.Infrastructure;

namespace RefundSaver.AppStoreSimulator.Tests;

/// <summary>Request a Test Notification and Get Test Notification Status, as Apple serves them.</summary>
public sealed class TestNotificationTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private SimulatorClient Client => fixture.Client;

    private NotificationReceiver Receiver => fixture.Receiver;

    [Theory]
    [InlineData("Production", "")]
    [InlineData("Sandbox", "/sandbox")]
    public async Task RequestTestNotification_WhenAppHasAUrl_ShouldPostASignedTestAndReportTheAttempt(string environment, string prefix)
    {
        var app = await Client.CreateAppAsync(environment, Receiver.NewUrl(out var hook));

        var requested = await Client.SendApiAsync(app, HttpMethod.Post, $"{prefix}/inApps/v1/notifications/test");
        requested.StatusCode.ShouldBe(HttpStatusCode.OK);
        requested.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var token = (await requested.Content.ReadFromJsonAsync()).GetProperty("testNotificationToken").GetString()!;
        var post = (await Receiver.WaitForAsync(hook, 1)).Single();
        await Task.Delay(50);
        var status = await Client.SendApiAsync(app, HttpMethod.Get, $"{prefix}/inApps/v1/notifications/test/{token}");

        status.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await status.Content.ReadFromJsonAsync();
        body.GetProperty("signedPayload").GetString().ShouldBe(post.SignedPayload);
        var attempt = body.GetProperty("sendAttempts").EnumerateArray().Single();
        attempt.GetProperty("sendAttemptResult").GetString().ShouldBe("SUCCESS");
        attempt.GetProperty("attemptDate").GetInt64().ShouldBeGreaterThan(0);
        var payload = await SignedPayloads.VerifyAsync(post.SignedPayload, await SignedPayloads.RootOfAsync(Client));
        payload.GetProperty("notificationType").GetString().ShouldBe("TEST");
        payload.GetProperty("data").GetProperty("bundleId").GetString().ShouldBe(app.BundleId);
        payload.GetProperty("data").GetProperty("environment").GetString().ShouldBe(environment);
    }

    [Fact]
    public async Task GetTestNotificationStatus_WhenReceiverFailed_ShouldReportApplesResultName()
    {
        var app = await Client.CreateAppAsync("Sandbox", Receiver.NewUrl(out var hook));
        Receiver.AnswerNext(hook, 500);

        var requested = await Client.SendApiAsync(app, HttpMethod.Post, "/sandbox/inApps/v1/notifications/test");
        var token = (await requested.Content.ReadFromJsonAsync()).GetProperty("testNotificationToken").GetString()!;
        await Receiver.WaitForAsync(hook, 1);
        await Task.Delay(50);
        var body = await (await Client.SendApiAsync(app, HttpMethod.Get, $"/sandbox/inApps/v1/notifications/test/{token}")).Content.ReadFromJsonAsync();

        body.GetProperty("sendAttempts")[0].GetProperty("sendAttemptResult").GetString().ShouldBe("UNSUCCESSFUL_HTTP_RESPONSE_CODE");
    }

    [Fact]
    public async Task GetTestNotificationStatus_WhenTokenIsUnknown_ShouldAnswer4040008()
    {
        var app = await Client.CreateAppAsync(notificationUrl: Receiver.NewUrl(out _));

        var answer = await ApiAnswer.ReadAsync(await Client.SendApiAsync(app, HttpMethod.Get, "/inApps/v1/notifications/test/nope"));

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
        answer.ErrorCode.ShouldBe(4040008);
    }

    [Fact]
    public async Task RequestTestNotification_WhenAppHasNoUrlInThatEnvironment_ShouldAnswer4040007()
    {
        var app = await Client.CreateAppAsync("Sandbox", Receiver.NewUrl(out _));

        var answer = await ApiAnswer.ReadAsync(await Client.SendApiAsync(app, HttpMethod.Post, "/inApps/v1/notifications/test"));

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
        answer.ErrorCode.ShouldBe(4040007);
    }

    [Fact]
    public async Task RequestTestNotification_WhenTokenIsInvalid_ShouldAnswer401()
    {
        var app = await Client.CreateAppAsync(notificationUrl: Receiver.NewUrl(out _));

        var response = await Client.SendApiAsync(
            app, HttpMethod.Post, "/inApps/v1/notifications/test", Client.Token(app, spec => spec with { Aud = "wrong" }));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
