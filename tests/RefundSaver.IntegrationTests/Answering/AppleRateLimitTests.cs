using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Answering;

/// <summary>A backlog of one Production app is answered at the dispatcher's pace, within Apple's limit of 50 calls in any second.</summary>
public sealed class AppleRateLimitTests(RealServersFixture servers) : AnsweringTest(servers)
{
    private const int Requests = 120;

    /// <summary>The host that receives the notifications does not dispatch: the requests pile up, as during a deploy.</summary>
    protected override IReadOnlyDictionary<string, string?> ApiSettings => new Dictionary<string, string?>
    {
        ["Dispatcher:Enabled"] = "false",
    };

    [Fact]
    public async Task Backlog_WhenADispatcherStarts_ShouldAnswerEveryRequestWithoutExceedingApplesRateLimit()
    {
        var app = await CreateAppAsync("Production");
        var profileId = await CreateCustomerAsync(app, consent: true);
        await ManyRefundRequestsAsync(app, profileId, Requests);
        await WaitForAllAsync(app.Id, Requests, "received", TimeSpan.FromSeconds(30));

        await using var dispatcher = await Api.StartAnotherAsync(new Dictionary<string, string?> { ["Dispatcher:Enabled"] = "true" });
        var answered = await WaitForAllAsync(app.Id, Requests, "answered", TimeSpan.FromSeconds(40));
        var stats = (await Apple.StatsAsync(app.BundleId)).ShouldNotBeNull();

        answered.ShouldAllBe(request => request!["attempts"]!.GetValue<int>() == 1);
        stats["received"]!.GetValue<long>().ShouldBe(Requests);
        stats["accepted"]!.GetValue<long>().ShouldBe(Requests);
        stats["too_many_requests"]!.GetValue<long>().ShouldBe(0);
        stats["max_received_per_second"]!.GetValue<int>().ShouldBeLessThanOrEqualTo(50);
        // The backlog went out at the dispatcher's pace (40 a second by default), not a trickle: the limit was really put to the test.
        stats["max_received_per_second"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(30);
    }
}
