using System.Text.Json.Nodes;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Answering;

/// <summary>
/// The two policies that depend on earlier requests, end to end: the counts of earlier requests are
/// read from the database by the dispatcher, so a first and a repeated request must differ.
/// </summary>
public sealed class AlternatingPolicyTests(RealServersFixture servers) : AnsweringTest(servers)
{
    [Fact]
    public async Task DeclineFirstThenGrant_WhenTheCustomerAsksAgainForOnePurchase_ShouldDeclineThenGrantPerTransaction()
    {
        var app = await CreateAppAsync(settings: new JsonObject { ["refund_policy"] = "decline_first_then_grant" });
        var profileId = await CreateCustomerAsync(app, consent: true);

        var first = await BuyAndAskForRefundAsync(app, profileId);
        (await AnsweredPreferencesAsync(app, first, 1)).ShouldBe(["decline"]);
        await Apple.DecideAsync(first, "decline");
        await Apple.RequestRefundAsync(first);
        var other = await BuyAndAskForRefundAsync(app, profileId);

        (await AnsweredPreferencesAsync(app, first, 2)).ShouldBe(["decline", "grant"], "the repeated request for the transaction is granted");
        (await AnsweredPreferencesAsync(app, other, 1)).ShouldBe(["decline"], "another transaction's first request is declined");
    }

    [Fact]
    public async Task GrantFirstThenDecline_WhenTheCustomerAsksAgain_ShouldGrantThenDeclinePerCustomer()
    {
        var app = await CreateAppAsync(settings: new JsonObject { ["refund_policy"] = "grant_first_then_decline" });
        var customer = await CreateCustomerAsync(app, consent: true);
        var newcomer = await CreateCustomerAsync(app, consent: true);

        var first = await BuyAndAskForRefundAsync(app, customer);
        (await AnsweredPreferencesAsync(app, first, 1)).ShouldBe(["grant"]);
        var second = await BuyAndAskForRefundAsync(app, customer);
        var newcomers = await BuyAndAskForRefundAsync(app, newcomer);

        (await AnsweredPreferencesAsync(app, second, 1)).ShouldBe(["decline"], "the customer's second request, on another purchase, is declined");
        (await AnsweredPreferencesAsync(app, newcomers, 1)).ShouldBe(["grant"], "another customer's first request is granted");
    }

    /// <summary>Waits until the transaction has <paramref name="count"/> answered requests; their preferences, oldest first.</summary>
    private async Task<IReadOnlyList<string?>> AnsweredPreferencesAsync(ConfiguredApp app, string transactionId, int count)
    {
        var requests = await Eventually.UntilAsync(
            async () => (await ListRequestsAsync(app.Id)).Where(request => request!["transaction_id"]!.GetValue<string>() == transactionId).ToList(),
            found => found.Count == count && found.All(request => StateOf(request!) == "answered"),
            $"{count} answered consumption requests of transaction {transactionId}",
            AnswerTimeout);
        return [.. requests.AsEnumerable().Reverse().Select(request => StringOf(request!["preference"]))];
    }
}
