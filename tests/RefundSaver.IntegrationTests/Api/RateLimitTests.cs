using System.Net;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Api;

/// <summary>An API host whose per-app limit is tiny: 1 request/s with a burst of 3.</summary>
public sealed class RateLimitTests(RealServersFixture servers) : IntegrationTest(servers)
{
    private const string Path = "/api/v2/server-side-api/purchase/profile/refund-saver/settings/";

    public override async Task InitializeAsync() => await UseApiAsync(new Dictionary<string, string?>
    {
        ["Api:RateLimit:RequestsPerSecond"] = "1",
        ["Api:RateLimit:Burst"] = "3",
    });

    [Fact]
    public async Task Requests_WhenAnAppExceedsItsBurst_ShouldAnswer429InTheErrorShapeAndSpareOtherApps()
    {
        var noisy = await CreateAppAsync();
        var quiet = await CreateAppAsync();

        var answers = new List<HttpResponseMessage>();
        for (var index = 0; index < 6; index++)
        {
            answers.Add(await noisy.Client.SendAsync(Request(HttpMethod.Get, Path, customerUserId: "nobody")));
        }

        answers.Take(3).ShouldAllBe(answer => answer.StatusCode == HttpStatusCode.BadRequest);
        var throttled = answers.Last();
        await ShouldBeErrorAsync(throttled, HttpStatusCode.TooManyRequests, "throttled");
        throttled.Headers.RetryAfter.ShouldNotBeNull();
        (await quiet.Client.SendAsync(Request(HttpMethod.Get, Path, customerUserId: "nobody")))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
