using System.Text.Json.Nodes;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Answering;

/// <summary>Without consent (or with Refund Saver off) nothing goes to Apple: the request is skipped, with why.</summary>
public sealed class ConsentTests(RealServersFixture servers) : AnsweringTest(servers)
{
    [Theory]
    [InlineData(null, true, "No consent: the customer has not answered, and the app's consent default is opt_in.")]
    [InlineData(false, true, "No consent: the customer declined.")]
    [InlineData(true, false, "Refund Saver is switched off for this app.")]
    public async Task RefundRequest_WhenNothingMayBeSent_ShouldBeSkippedWithTheReasonAndNoCallToApple(
        bool? consent, bool refundSaverEnabled, string reason)
    {
        var app = await CreateAppAsync(settings: new JsonObject { ["refund_saver_enabled"] = refundSaverEnabled });
        var profileId = await CreateCustomerAsync(app, consent);

        var transactionId = await BuyAndAskForRefundAsync(app, profileId);
        var request = await WaitForFinalAsync(app.Id, transactionId);
        var detail = await DetailAsync(app.Id, request);

        StateOf(request).ShouldBe("skipped", request.ToJsonString());
        StringOf(request["state_reason"]).ShouldBe(reason);
        request["profile_id"]!.GetValue<string>().ShouldBe(profileId.ToString());
        detail["attempt_log"]!.AsArray().ShouldBeEmpty();
        (await Apple.ConsumptionCallsAsync(transactionId)).ShouldBeEmpty();
        (await Apple.StatsAsync(app.BundleId)).ShouldBeNull("the simulator saw a call of this app");
    }
}
