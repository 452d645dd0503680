using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Answering;

/// <summary>Two RefundSaver processes on one database: their dispatchers share the work, and no request is sent twice.</summary>
public sealed class TwoDispatchersTests(RealServersFixture servers) : AnsweringTest(servers)
{
    private const int Requests = 100;
    private const int ProductionLimit = 50;

    [Fact]
    public async Task RefundRequests_WhenTwoDispatchersShareTheDatabase_ShouldEachBeAnsweredExactlyOnce()
    {
        // The second host has no webhook of its own: it only dispatches, from the same database.
        await using var second = await Api.StartAnotherAsync();
        var app = await CreateAppAsync();
        var profileId = await CreateCustomerAsync(app, consent: true);

        var transactionIds = await ManyRefundRequestsAsync(app, profileId, Requests);
        var requests = await WaitForAllAsync(app.Id, Requests, "answered", TimeSpan.FromSeconds(40));
        var calls = (await Task.WhenAll(transactionIds.Select(async id => (Id: id, Calls: await Apple.ConsumptionCallsAsync(id)))))
            .ToDictionary(entry => entry.Id, entry => entry.Calls);
        var stats = await Apple.StatsAsync(app.BundleId);

        requests.Select(request => request!["transaction_id"]!.GetValue<string>()).Order().ShouldBe(transactionIds.Order());
        // Exactly once, and within Apple's limit: each dispatcher holds half of it (their heartbeats),
        // so even calls that bunch on the way draw no 429.
        foreach (var request in requests)
        {
            var perTransaction = calls[request!["transaction_id"]!.GetValue<string>()];
            perTransaction.Select(call => call!["status"]!.GetValue<int>()).ShouldBe([202]);
            request["attempts"]!.GetValue<int>().ShouldBe(1);
        }

        stats.ShouldNotBeNull()["received"]!.GetValue<long>().ShouldBe(Requests);
        stats["accepted"]!.GetValue<long>().ShouldBe(Requests);
        stats["max_received_per_second"]!.GetValue<int>().ShouldBeLessThanOrEqualTo(ProductionLimit, "Apple saw no second above its limit");
    }
}
