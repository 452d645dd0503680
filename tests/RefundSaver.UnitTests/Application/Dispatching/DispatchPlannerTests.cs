using RefundSaver.Application.AppStore.Dispatching;
using RefundSaver.Domain.Apps;
using RefundSaver.Domain.AppStore;
using RefundSaver.Domain.Common;
using RefundSaver.Domain.Consumption;
using RefundSaver.Domain.Profiles;
using static RefundSaver.UnitTests.Application.Dispatching.DispatchScenario;

namespace RefundSaver.UnitTests.Application.Dispatching;

/// <summary>What becomes of a request: expire, skip, hold, wait or send, and the preference sent.</summary>
public sealed class DispatchPlannerTests
{
    private static readonly RefundSaverConfiguration ReviewForAnHour = new() { ReviewDelayMinutes = Optional<int?>.Of(60) };

    [Fact]
    public void Plan_WhenExactlyAtTheDeadline_ShouldExpire()
    {
        var plan = Planner.Plan(Context(), Deadline);

        plan.ShouldBeOfType<DispatchPlan.Expire>().Reason.ShouldContain("12 hours");
    }

    [Fact]
    public void Plan_WhenAfterTheDeadline_ShouldExpireEvenIfRefundSaverIsOff()
    {
        var context = Context(new RefundSaverConfiguration { Enabled = Optional<bool>.Of(false) });

        Planner.Plan(context, Deadline.AddMinutes(5)).ShouldBeOfType<DispatchPlan.Expire>();
    }

    [Fact]
    public void Plan_WhenOneTickBeforeTheDeadline_ShouldStillSend() =>
        Planner.Plan(Context(), Deadline.AddTicks(-1)).ShouldBeOfType<DispatchPlan.Send>();

    [Fact]
    public void WithoutSending_WhenTheRequestIsToBeSent_ShouldLeaveItToPlan()
    {
        var context = Context();

        DispatchPlanner.WithoutSending(context, Now).ShouldBeNull();
        Planner.Plan(context, Now).ShouldBeOfType<DispatchPlan.Send>();
    }

    [Fact]
    public void WithoutSending_WhenRefundSaverIsSwitchedOff_ShouldSkipAsPlanDoes()
    {
        var context = Context(new RefundSaverConfiguration { Enabled = Optional<bool>.Of(false) });

        DispatchPlanner.WithoutSending(context, Now).ShouldBe(Planner.Plan(context, Now));
        DispatchPlanner.WithoutSending(context, Now).ShouldBeOfType<DispatchPlan.Skip>();
    }

    [Fact]
    public void Plan_WhenRefundSaverIsSwitchedOff_ShouldSkipWithTheReason()
    {
        var context = Context(new RefundSaverConfiguration { Enabled = Optional<bool>.Of(false) });

        var skip = Planner.Plan(context, Now).ShouldBeOfType<DispatchPlan.Skip>();

        skip.Reason.ShouldBe("Refund Saver is switched off for this app.");
    }

    [Theory]
    [InlineData(ConsentDefault.OptIn)]
    [InlineData(ConsentDefault.OptOut)]
    public void Plan_WhenTheCustomerConsented_ShouldSendWhateverTheAppDefault(ConsentDefault consentDefault)
    {
        var context = WithConsent(true, consentDefault);

        var body = Planner.Plan(context, Now).ShouldSend().Body();

        body.GetProperty("customerConsented").GetBoolean().ShouldBeTrue();
    }

    [Theory]
    [InlineData(ConsentDefault.OptIn)]
    [InlineData(ConsentDefault.OptOut)]
    public void Plan_WhenTheCustomerDeclined_ShouldSkipWhateverTheAppDefault(ConsentDefault consentDefault)
    {
        var skip = Planner.Plan(WithConsent(false, consentDefault), Now).ShouldBeOfType<DispatchPlan.Skip>();

        skip.Reason.ShouldBe("No consent: the customer declined.");
    }

    [Fact]
    public void Plan_WhenConsentIsUnansweredAndTheAppIsOptIn_ShouldSkipSayingSo()
    {
        var skip = Planner.Plan(WithConsent(null, ConsentDefault.OptIn), Now).ShouldBeOfType<DispatchPlan.Skip>();

        skip.Reason.ShouldBe("No consent: the customer has not answered, and the app's consent default is opt_in.");
    }

    [Fact]
    public void Plan_WhenConsentIsUnansweredAndTheAppIsOptOut_ShouldSend() =>
        Planner.Plan(WithConsent(null, ConsentDefault.OptOut), Now).ShouldBeOfType<DispatchPlan.Send>();

    [Fact]
    public void Plan_WhenNoProfileIsKnownAndTheAppIsOptOut_ShouldSend()
    {
        var context = WithConsent(null, ConsentDefault.OptOut) with { Profile = null };

        Planner.Plan(context, Now).ShouldBeOfType<DispatchPlan.Send>();
    }

    [Theory]
    [InlineData(ConsentDefault.OptIn)]
    [InlineData(ConsentDefault.OptOut)]
    public void Plan_WhenTheCustomerWasErased_ShouldSkipSayingSoWhateverTheAppDefault(ConsentDefault consentDefault)
    {
        var context = WithConsent(null, consentDefault) with { Profile = null, CustomerErased = true };

        var skip = Planner.Plan(context, Now).ShouldBeOfType<DispatchPlan.Skip>();

        skip.Reason.ShouldBe(DispatchPlanner.ErasedReason);
        skip.Reason.ShouldNotContain(context.Request.TransactionId);
    }

    [Fact]
    public void Plan_WhenNoProfileIsKnownAndTheAppIsOptIn_ShouldSkipSayingNoProfileIsKnown()
    {
        var context = WithConsent(null, ConsentDefault.OptIn) with { Profile = null };

        var skip = Planner.Plan(context, Now).ShouldBeOfType<DispatchPlan.Skip>();

        skip.Reason.ShouldBe("No consent: no profile is known for this purchase, and the app's consent default is opt_in.");
    }

    [Fact]
    public void Plan_WhenConsentIsMissingForDifferentReasons_ShouldGiveEachItsOwnReason()
    {
        string[] reasons =
        [
            SkipReason(WithConsent(false, ConsentDefault.OptIn)),
            SkipReason(WithConsent(null, ConsentDefault.OptIn)),
            SkipReason(WithConsent(null, ConsentDefault.OptIn) with { Profile = null }),
        ];

        reasons.Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public void Plan_WhenReceivedAndTheAppReviews_ShouldHoldUntilCreatedPlusTheDelay()
    {
        var plan = Planner.Plan(Context(ReviewForAnHour), Now);

        plan.ShouldBe(new DispatchPlan.Hold(Created.AddMinutes(60)));
    }

    [Fact]
    public void Plan_WhenTheReviewDelayReachesIntoTheLastHour_ShouldHoldOnlyUntilAnHourBeforeTheDeadline()
    {
        var context = Context(new RefundSaverConfiguration { ReviewDelayMinutes = Optional<int?>.Of(11 * 60 + 59) });

        var plan = Planner.Plan(context, Now);

        plan.ShouldBe(new DispatchPlan.Hold(Deadline - TimeSpan.FromHours(1)));
        DispatchPlanner.SendMargin.ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public void Plan_WhenReceivedAfterTheReviewDelayIsOver_ShouldSend() =>
        Planner.Plan(Context(ReviewForAnHour), Created.AddMinutes(61)).ShouldBeOfType<DispatchPlan.Send>();

    [Fact]
    public void Plan_WhenReceivedInTheLastHourBeforeTheDeadline_ShouldSendRatherThanHold()
    {
        var context = Context(new RefundSaverConfiguration { ReviewDelayMinutes = Optional<int?>.Of(12 * 60) });

        Planner.Plan(context, Deadline.AddMinutes(-30)).ShouldBeOfType<DispatchPlan.Send>();
    }

    [Fact]
    public void Plan_WhenHeldAndDueLater_ShouldKeepHoldingUntilItIsDue()
    {
        var dueAt = Now.AddMinutes(45);
        var context = Context(ReviewForAnHour) with { Request = Request(ConsumptionRequestState.Held, dueAt) };

        Planner.Plan(context, Now).ShouldBe(new DispatchPlan.Hold(dueAt));
    }

    [Fact]
    public void Plan_WhenHeldAndDueAtHasPassed_ShouldSend()
    {
        var context = Context(ReviewForAnHour) with { Request = Request(ConsumptionRequestState.Held, Now.AddSeconds(-1)) };

        Planner.Plan(context, Now).ShouldBeOfType<DispatchPlan.Send>();
    }

    [Fact]
    public void Plan_WhenAnOperatorReleasedAHeldRequest_ShouldSendAtOnce()
    {
        var request = Request(ConsumptionRequestState.Held, Created.AddMinutes(60));
        request.TryReleaseNow(Now).ShouldBeTrue();
        var context = Context(ReviewForAnHour) with { Request = request };

        Planner.Plan(context, Now).ShouldBeOfType<DispatchPlan.Send>();
    }

    [Fact]
    public void Plan_WhenTheAppHasNoAppStoreKey_ShouldWaitAMinuteAndSayWhy()
    {
        var app = NewApp(withCredentials: false);
        var context = Context() with { App = app, Profile = NewProfile(app) };

        var wait = Planner.Plan(context, Now).ShouldBeOfType<DispatchPlan.Wait>();

        wait.At.ShouldBe(Now.AddMinutes(1));
        wait.Reason.ShouldContain("App Store API key");
    }

    [Fact]
    public void Plan_WhenAnOperatorChosePreference_ShouldBeatProfileRulesAndPolicy()
    {
        var context = Context(new RefundSaverConfiguration
        {
            Policy = Optional<RefundPolicy>.Of(RefundPolicy.AlwaysDecline),
            Rules = Optional<IReadOnlyList<PreferenceRule>>.Of([new PreferenceRule(RuleConditions.Always, RefundPreference.NoPreference)]),
        });
        context = context with
        {
            Request = Request(manualPreference: RefundPreferenceNames.Grant),
            Profile = NewProfile(context.App, customPreference: CustomPreference.Decline),
        };

        var send = Planner.Plan(context, Now).ShouldSend();

        send.Preference.ShouldBe("grant");
        send.PreferenceSource.ShouldBe("operator");
        send.Body().GetProperty("refundPreference").GetString().ShouldBe("GRANT_FULL");
    }

    [Fact]
    public void Plan_WhenTheProfileHasACustomPreference_ShouldBeatRulesAndPolicy()
    {
        var context = Context(new RefundSaverConfiguration
        {
            Policy = Optional<RefundPolicy>.Of(RefundPolicy.AlwaysDecline),
            Rules = Optional<IReadOnlyList<PreferenceRule>>.Of([new PreferenceRule(RuleConditions.Always, RefundPreference.NoPreference)]),
        });
        context = context with { Profile = NewProfile(context.App, customPreference: CustomPreference.Grant) };

        var send = Planner.Plan(context, Now).ShouldSend();

        send.Preference.ShouldBe("grant");
        send.PreferenceSource.ShouldBe("profile");
    }

    [Fact]
    public void Plan_WhenARuleMatches_ShouldBeatThePolicyAndNameTheRule()
    {
        var context = Context(new RefundSaverConfiguration
        {
            Policy = Optional<RefundPolicy>.Of(RefundPolicy.AlwaysDecline),
            Rules = Optional<IReadOnlyList<PreferenceRule>>.Of(
            [
                new PreferenceRule(new RuleConditions { Reasons = ["LEGAL"] }, RefundPreference.NoPreference),
                new PreferenceRule(
                    new RuleConditions
                    {
                        Reasons = ["unintended_purchase"],
                        ProductTypes = [ProductType.Consumable],
                        ProductIds = ["com.example.dungeon.gems100"],
                        Storefronts = ["usa"],
                    },
                    RefundPreference.Grant),
            ]),
        });

        var send = Planner.Plan(context, Now).ShouldSend();

        send.Preference.ShouldBe("grant");
        send.PreferenceSource.ShouldBe("rule 2");
    }

    [Fact]
    public void Plan_WhenNoRuleMatches_ShouldFollowThePolicy()
    {
        var context = Context(new RefundSaverConfiguration
        {
            Policy = Optional<RefundPolicy>.Of(RefundPolicy.AlwaysGrant),
            Rules = Optional<IReadOnlyList<PreferenceRule>>.Of(
                [new PreferenceRule(new RuleConditions { Reasons = ["LEGAL"] }, RefundPreference.Decline)]),
        });

        var send = Planner.Plan(context, Now).ShouldSend();

        send.Preference.ShouldBe("grant");
        send.PreferenceSource.ShouldBe("policy always_grant");
    }

    [Fact]
    public void Plan_WhenNothingIsConfigured_ShouldDeclineByTheDefaultPolicy()
    {
        var send = Planner.Plan(Context(), Now).ShouldSend();

        send.Preference.ShouldBe("decline");
        send.PreferenceSource.ShouldBe("policy always_decline");
    }

    [Theory]
    [InlineData(0, 4, "decline")]
    [InlineData(1, 0, "grant")]
    public void Plan_WhenDeclineFirstThenGrant_ShouldCountEarlierRequestsForTheTransaction(int forTransaction, int forCustomer, string expected)
    {
        var context = Context(new RefundSaverConfiguration { Policy = Optional<RefundPolicy>.Of(RefundPolicy.DeclineFirstThenGrant) }) with
        {
            EarlierRequestsForTransaction = forTransaction,
            EarlierRequestsForCustomer = forCustomer,
        };

        var send = Planner.Plan(context, Now).ShouldSend();

        send.Preference.ShouldBe(expected);
        send.PreferenceSource.ShouldBe("policy decline_first_then_grant");
    }

    [Theory]
    [InlineData(0, 4, "grant")]
    [InlineData(1, 0, "decline")]
    public void Plan_WhenGrantFirstThenDecline_ShouldCountEarlierRequestsOfTheCustomer(int forCustomer, int forTransaction, string expected)
    {
        var context = Context(new RefundSaverConfiguration { Policy = Optional<RefundPolicy>.Of(RefundPolicy.GrantFirstThenDecline) }) with
        {
            EarlierRequestsForTransaction = forTransaction,
            EarlierRequestsForCustomer = forCustomer,
        };

        var send = Planner.Plan(context, Now).ShouldSend();

        send.Preference.ShouldBe(expected);
        send.PreferenceSource.ShouldBe("policy grant_first_then_decline");
    }

    private static DispatchContext WithConsent(bool? consent, ConsentDefault consentDefault)
    {
        var context = Context(new RefundSaverConfiguration { ConsentDefault = Optional<ConsentDefault>.Of(consentDefault) });
        return context with { Profile = NewProfile(context.App, consent) };
    }

    private static string SkipReason(DispatchContext context) =>
        Planner.Plan(context, Now).ShouldBeOfType<DispatchPlan.Skip>().Reason;
}
