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
        var calls = (await Task.WhenAll(transactionIds.Select(async id => (Id: id, Calls: await Apple.ConsumptionCallsAsync(id)))))
            .ToDictionary(entry => entry.Id, entry => entry.Calls);
        var stats = await Apple.StatsAsync(app.BundleId);

        requests.Select(request => request!["transaction_id"]!.GetValue<string>()).Order().ShouldBe(transactionIds.Order());
        // Exactly once: Apple accepted each request once, and received no call that is not a stored attempt
        // (a call sent by both dispatchers would be two calls for one attempt). The turns keep the two
        // processes within Apple's limit; a call they bunch into a 429 on a loaded machine comes back
        // through the queue, so 429 is the only refusal allowed here (README: several processes).
        foreach (var request in requests)
        {
            var perTransaction = calls[request!["transaction_id"]!.GetValue<string>()];
            var statuses = perTransaction.Select(call => call!["status"]!.GetValue<int>()).ToList();
            statuses.Count(status => status == 202).ShouldBe(1);
            statuses.Last().ShouldBe(202);
            statuses.ShouldAllBe(status => status == 202 || status == 429);
            request["attempts"]!.GetValue<int>().ShouldBe(statuses.Count);
        }

        stats.ShouldNotBeNull()["accepted"]!.GetValue<long>().ShouldBe(Requests);
    }
}
