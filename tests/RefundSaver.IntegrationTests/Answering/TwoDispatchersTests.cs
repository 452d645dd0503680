using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Answering;

/// <summary>Two RefundSaver processes on one database: their dispatchers share the work, and no request is sent twice.</summary>
public sealed class TwoDispatchersTests(RealServersFixture servers) : AnsweringTest(servers)
{
    private const int Requests = 100;

    [Fact]
    public async Task RefundRequests_WhenTwoDispatchersShareTheDatabase_ShouldEachBeAnsweredExactlyOnce()
    {
        // The second host has no webhook of its own: it only dispatches, from the same database.
        await using var second = await Api.StartAnotherAsync();
        var app = await CreateAppAsync();
        var profileId = await CreateCustomerAsync(app, consent: true);

        var transactionIds = await ManyRefundRequestsAsync(app, profileId, Requests);
        var requests = await WaitForAllAsync(app.Id, Requests, "answered", TimeSpan.FromSeconds(40));
        var calls = await Task.WhenAll(transactionIds.Select(Apple.ConsumptionCallsAsync));
        var stats = await Apple.StatsAsync(app.BundleId);

        requests.Select(request => request!["transaction_id"]!.GetValue<string>()).Order().ShouldBe(transactionIds.Order());
        requests.ShouldAllBe(request => request!["attempts"]!.GetValue<int>() == 1);
        calls.ShouldAllBe(perTransaction => perTransaction.Count == 1 && perTransaction[0]!["status"]!.GetValue<int>() == 202);
        stats.ShouldNotBeNull()["received"]!.GetValue<long>().ShouldBe(Requests);
        stats["accepted"]!.GetValue<long>().ShouldBe(Requests);
    }
}
