using System.Net;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Api;

/// <summary>An API host whose webhook takes 1 request/s per client address with a burst of 3.</summary>
public sealed class WebhookRateLimitTests(RealServersFixture servers) : IntegrationTest(servers)
{
    private const int Burst = 3;

    public override async Task InitializeAsync() => await UseApiAsync(new Dictionary<string, string?>
    {
        ["Webhook:RateLimit:RequestsPerSecond"] = "1",
        ["Webhook:RateLimit:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    [Fact]
    public async Task Webhook_WhenAnAddressPostsPastItsBurst_ShouldAnswer429OnePastItAndSpareOtherAddresses()
    {
        using var client = Api.CreateClient();
        // A first request elsewhere, so that start-up work does not stretch the burst past a refill.
        await client.SendAsync(Notification("203.0.113.9"));

        var answers = new List<HttpResponseMessage>();
        for (var attempt = 0; attempt <= Burst; attempt++)
        {
            answers.Add(await client.SendAsync(Notification("203.0.113.1")));
        }

        var other = await client.SendAsync(Notification("203.0.113.2"));

        // 400: an empty notification passes the limit and is refused for what it holds.
        answers.Take(Burst).ShouldAllBe(answer => answer.StatusCode == HttpStatusCode.BadRequest);
        var throttled = answers[Burst];
        await ShouldBeErrorAsync(throttled, HttpStatusCode.TooManyRequests, "throttled");
        throttled.Headers.RetryAfter.ShouldNotBeNull();
        other.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private static HttpRequestMessage Notification(string address) =>
        TestConnection.From(Request(HttpMethod.Post, "/webhooks/app-store", "{}"), address);
}
