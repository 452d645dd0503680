using Microsoft.Extensions.DependencyInjection;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Answering;

/// <summary>Apple's 12 hours, on a clock the test moves: a request Apple keeps refusing ends as expired, and nothing is sent after.</summary>
public sealed class DeadlineTests(RealServersFixture servers) : AnsweringTest(servers)
{
    /// <summary>RefundSaver's clock; it stands still until the test moves it (the simulator keeps real time).</summary>
    private static readonly FrozenClock Clock = new();

    protected override void ConfigureApiServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    [Fact]
    public async Task RefundRequest_WhenAppleFailsUntilTheDeadlinePasses_ShouldExpireWithAReasonAndCallAppleNoMore()
    {
        Clock.SetUtcNow(DateTimeOffset.UtcNow);
        var app = await CreateAppAsync();
        var profileId = await CreateCustomerAsync(app, consent: true);
        await Apple.AddFaultAsync(app.BundleId, 500, count: 1000);

        var transactionId = await BuyAndAskForRefundAsync(app, profileId);
        // The first attempt gets a 500 (one call: the dispatcher's calls take turns, so no quick retries);
        // the retry falls due a moment later by a clock that does not move.
        var waiting = await WaitForRequestAsync(
            app.Id, transactionId, request => StateOf(request) == "due" && request["attempts"]!.GetValue<int>() == 1, "due again after one attempt");
        var callsBefore = (await Apple.ConsumptionCallsAsync(transactionId)).Count;
        var deadline = waiting["deadline"]!.GetValue<DateTimeOffset>();
        Clock.SetUtcNow(deadline.AddMinutes(1));

        var request = await WaitForFinalAsync(app.Id, transactionId);
        var attempts = (await DetailAsync(app.Id, request))["attempt_log"]!.AsArray();

        callsBefore.ShouldBe(1);
        deadline.ShouldBe(waiting["requested_at"]!.GetValue<DateTimeOffset>().AddHours(12));
        StateOf(request).ShouldBe("expired", request.ToJsonString());
        StringOf(request["state_reason"]).ShouldNotBeNullOrWhiteSpace();
        StringOf(request["state_reason"])!.ShouldContain("12 hours");
        request["attempts"]!.GetValue<int>().ShouldBe(1);
        attempts.ShouldHaveSingleItem()!["result"]!.GetValue<string>().ShouldBe("ServerError");
        (await Apple.ConsumptionCallsAsync(transactionId)).Count.ShouldBe(callsBefore);
    }
}
