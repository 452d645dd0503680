using System.Net;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Answering;

/// <summary>The operator's "send test notification" check: Apple sends a TEST notification, and both sides say it arrived.</summary>
public sealed class TestNotificationTests(RealServersFixture servers) : AnsweringTest(servers)
{
    [Fact]
    public async Task TestNotification_WhenRequested_ShouldBeDeliveredToTheWebhookAndReportedAsReceived()
    {
        var app = await CreateAppAsync();
        var path = $"/admin/api/apps/{app.Id}/test-notification";

        using var requested = await Admin.PostAsync(path, content: null);
        var body = await ReadJsonAsync(requested);
        requested.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        var token = body["test_notification_token"]!.GetValue<string>();
        var status = await Eventually.UntilAsync(
            async () =>
            {
                using var response = await Admin.GetAsync($"{path}/{Uri.EscapeDataString(token)}");
                response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
                return await ReadJsonAsync(response);
            },
            seen => seen["received_by_webhook"]?.GetValue<bool>() == true
                && seen["send_attempts"]!.AsArray().Any(attempt => StringOf(attempt!["send_attempt_result"]) == "SUCCESS"),
            "the TEST notification to be delivered and stored");
        var sent = await Apple.NotificationsAsync(app.BundleId, "TEST");

        token.ShouldNotBeNullOrWhiteSpace();
        StringOf(body["environment"]).ShouldBe("Production");
        StringOf(status["test_notification_token"]).ShouldBe(token);
        status["send_attempts"]!.AsArray().Select(attempt => StringOf(attempt!["send_attempt_result"])).ShouldBe(["SUCCESS"]);
        var notification = sent.ShouldHaveSingleItem()!;
        StringOf(notification["status"]).ShouldBe("delivered");
        StringOf(notification["url"]).ShouldBe(Api.WebhookUrl.AbsoluteUri);
    }
}
