using System.Text.Json;
using RefundSaver.Application.AppStore.Dispatching;
using RefundSaver.Domain.Apps;
using RefundSaver.Domain.AppStore;
using RefundSaver.Domain.Common;
using RefundSaver.Domain.Consumption;
using RefundSaver.Domain.Profiles;
using static RefundSaver.UnitTests.Application.Dispatching.DispatchScenario;

namespace RefundSaver.UnitTests.Application.Dispatching;

/// <summary>The JSON body a Send plan carries, computed from the app, the profile, the ledger and the reports.</summary>
public sealed class DispatchPlannerBodyTests
{
    private static readonly RefundSaverConfiguration AnswerWithV1 = new() { ApiVersion = Optional<ConsumptionApiVersion>.Of(ConsumptionApiVersion.V1) };

    private static readonly string[] V1Fields =
    [
        "accountTenure", "appAccountToken", "consumptionStatus", "customerConsented", "deliveryStatus", "lifetimeDollarsPurchased",
        "lifetimeDollarsRefunded", "platform", "playTime", "refundPreference", "sampleContentProvided", "userStatus",
    ];

    [Fact]
    public void Plan_WhenTheAppKeepsTheDefault_ShouldSendAV2BodyOfADeliveredConsumable()
    {
        var send = Planner.Plan(Context(), Now).ShouldSend();

        send.ApiVersion.ShouldBe("v2");
        var body = send.Body();
        body.FieldNames().ShouldBe(["customerConsented", "deliveryStatus", "refundPreference", "sampleContentProvided"]);
        body.GetProperty("customerConsented").GetBoolean().ShouldBeTrue();
        body.GetProperty("deliveryStatus").GetString().ShouldBe("DELIVERED");
        body.GetProperty("sampleContentProvided").GetBoolean().ShouldBeFalse();
        body.GetProperty("refundPreference").GetString().ShouldBe("DECLINE");
    }

    [Fact]
    public void Plan_WhenAutoRenewableSubscriptionWithReportedConsumption_ShouldLeaveThePercentageOutOfV2()
    {
        var context = Context();
        context = context with
        {
            Transaction = Transaction(
                context.App,
                ProductTypeNames.AppleAutoRenewableSubscription,
                purchaseDate: Now.AddDays(-10),
                expiresDate: Now.AddDays(20)),
            Report = Reported(context.App, percentage: 50_000),
        };

        var body = Planner.Plan(context, Now).ShouldSend().Body();

        body.TryGetProperty("consumptionPercentage", out _).ShouldBeFalse();
        body.GetProperty("deliveryStatus").GetString().ShouldBe("DELIVERED");
    }

    [Fact]
    public void Plan_WhenAConsumableHasAReportedPercentage_ShouldSendItInV2()
    {
        var context = Context();
        context = context with { Report = Reported(context.App, percentage: 67_932) };

        var body = Planner.Plan(context, Now).ShouldSend().Body();

        body.GetProperty("consumptionPercentage").GetInt32().ShouldBe(67_932);
    }

    [Theory]
    [InlineData(RefundPolicy.AlwaysDecline, "DECLINE")]
    [InlineData(RefundPolicy.AlwaysGrant, "GRANT_FULL")]
    public void Plan_WhenThePolicyPicksAPreference_ShouldSendItsV2Name(RefundPolicy policy, string expected)
    {
        var context = Context(new RefundSaverConfiguration { Policy = Optional<RefundPolicy>.Of(policy) });

        var body = Planner.Plan(context, Now).ShouldSend().Body();

        body.GetProperty("refundPreference").GetString().ShouldBe(expected);
    }

    [Fact]
    public void Plan_WhenThePreferenceIsNoPreference_ShouldLeaveRefundPreferenceOutOfV2()
    {
        var context = Context(new RefundSaverConfiguration { Policy = Optional<RefundPolicy>.Of(RefundPolicy.NoPreference) });

        var send = Planner.Plan(context, Now).ShouldSend();

        send.Preference.ShouldBe("no_preference");
        send.Body().TryGetProperty("refundPreference", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData(DeliveryStatus.QualityIssue, "UNDELIVERED_QUALITY_ISSUE")]
    [InlineData(DeliveryStatus.ServerOutage, "UNDELIVERED_SERVER_OUTAGE")]
    [InlineData(DeliveryStatus.InGameCurrencyChange, "UNDELIVERED_OTHER")]
    public void Plan_WhenADeliveryProblemWasReported_ShouldSendItWithZeroPercentInV2(DeliveryStatus delivery, string expected)
    {
        var context = Context();
        context = context with { Report = Reported(context.App, percentage: 80_000, delivery: delivery) };

        var body = Planner.Plan(context, Now).ShouldSend().Body();

        body.GetProperty("deliveryStatus").GetString().ShouldBe(expected);
        body.GetProperty("consumptionPercentage").GetInt32().ShouldBe(0);
    }

    [Fact]
    public void Plan_WhenTheAppAnswersWithV1_ShouldSendEveryV1Field()
    {
        var send = Planner.Plan(Context(AnswerWithV1), Now).ShouldSend();

        send.ApiVersion.ShouldBe("v1");
        var body = send.Body();
        body.FieldNames().ShouldBe(V1Fields);
        body.GetProperty("customerConsented").GetBoolean().ShouldBeTrue();
        body.GetProperty("platform").GetInt32().ShouldBe(1);
        body.GetProperty("deliveryStatus").GetInt32().ShouldBe(0);
        body.GetProperty("userStatus").GetInt32().ShouldBe(1);
        body.GetProperty("refundPreference").GetInt32().ShouldBe(2);
        body.GetProperty("consumptionStatus").GetInt32().ShouldBe(0);
        body.GetProperty("playTime").GetInt32().ShouldBe(0);
        body.GetProperty("lifetimeDollarsPurchased").GetInt32().ShouldBe(0);
        body.GetProperty("lifetimeDollarsRefunded").GetInt32().ShouldBe(0);
    }

    [Theory]
    [InlineData(4 * 60L, 1)]
    [InlineData(5 * 60L, 2)]
    [InlineData(2 * 3600L, 3)]
    [InlineData(20 * 86_400L, 7)]
    public void Plan_WhenThePlayTimeWasReported_ShouldSendItsV1Bucket(long seconds, int expected)
    {
        var context = Context(AnswerWithV1);
        context.Profile!.ReportUsage(Optional<long?>.Of(seconds), Optional<UserStatus?>.Unset, Now);

        var body = Planner.Plan(context, Now).ShouldSend().Body();

        body.GetProperty("playTime").GetInt32().ShouldBe(expected);
    }

    [Fact]
    public void Plan_WhenTheFirstPurchaseIsOlderThanTheProfile_ShouldMeasureTenureFromThePurchase()
    {
        var context = Context(AnswerWithV1);
        context = context with
        {
            Profile = NewProfile(context.App, createdAt: Now.AddDays(-5)),
            History = [Purchase(990, "USD", Now.AddDays(-2)), Purchase(990, "USD", Now.AddDays(-100))],
        };

        var body = Planner.Plan(context, Now).ShouldSend().Body();

        body.GetProperty("accountTenure").GetInt32().ShouldBe(5);
    }

    [Fact]
    public void Plan_WhenTheProfileIsOlderThanTheFirstPurchase_ShouldMeasureTenureFromTheProfile()
    {
        var context = Context(AnswerWithV1);
        context = context with
        {
            Profile = NewProfile(context.App, createdAt: Now.AddDays(-400)),
            History = [Purchase(990, "USD", Now.AddDays(-2))],
        };

        var body = Planner.Plan(context, Now).ShouldSend().Body();

        body.GetProperty("accountTenure").GetInt32().ShouldBe(7);
    }

    [Fact]
    public void Plan_WhenNoProfileIsKnown_ShouldMeasureTenureFromTheFirstPurchase()
    {
        var context = Context(new RefundSaverConfiguration
        {
            ApiVersion = Optional<ConsumptionApiVersion>.Of(ConsumptionApiVersion.V1),
            ConsentDefault = Optional<ConsentDefault>.Of(ConsentDefault.OptOut),
        }) with
        {
            Profile = null,
            History = [Purchase(990, "USD", Now.AddDays(-12))],
        };

        var body = Planner.Plan(context, Now).ShouldSend().Body();

        body.GetProperty("accountTenure").GetInt32().ShouldBe(3);
    }

    [Fact]
    public void Plan_WhenTheHistoryHasSeveralCurrencies_ShouldSumItInUsdAndCountUnknownCurrenciesAsNothing()
    {
        var context = Context(AnswerWithV1) with
        {
            History =
            [
                Purchase(9_990, "USD", refunded: true),
                Purchase(50_000, "EUR"),
                Purchase(5_000_000, "XTS"),
            ],
        };

        var facts = Planner.Facts(context, Now);
        var body = Planner.Plan(context, Now).ShouldSend().Body();

        facts.LifetimePurchasedUsd.ShouldBe(64.99m);
        facts.LifetimeRefundedUsd.ShouldBe(9.99m);
        body.GetProperty("lifetimeDollarsPurchased").GetInt32().ShouldBe(3);
        body.GetProperty("lifetimeDollarsRefunded").GetInt32().ShouldBe(2);
    }

    [Fact]
    public void Plan_WhenOnlyAPurchaseInAnUnknownCurrencyWasRefunded_ShouldSendZeroDollarsRefunded()
    {
        var context = Context(AnswerWithV1) with
        {
            History = [Purchase(120_000, "USD"), Purchase(900_000, "XTS", refunded: true)],
        };

        var body = Planner.Plan(context, Now).ShouldSend().Body();

        body.GetProperty("lifetimeDollarsPurchased").GetInt32().ShouldBe(4);
        body.GetProperty("lifetimeDollarsRefunded").GetInt32().ShouldBe(1);
    }

    [Theory]
    [InlineData(UserStatus.Active, 1)]
    [InlineData(UserStatus.Suspended, 2)]
    [InlineData(UserStatus.Terminated, 3)]
    [InlineData(UserStatus.LimitedAccess, 4)]
    public void Plan_WhenTheAccountStatusWasReported_ShouldSendItsV1Code(UserStatus status, int expected)
    {
        var context = Context(AnswerWithV1);
        context.Profile!.ReportUsage(Optional<long?>.Unset, Optional<UserStatus?>.Of(status), Now);

        var body = Planner.Plan(context, Now).ShouldSend().Body();

        body.GetProperty("userStatus").GetInt32().ShouldBe(expected);
    }

    [Fact]
    public void Plan_WhenTheTransactionCarriesAnAppAccountToken_ShouldSendItRatherThanTheProfiles()
    {
        var transactionToken = Guid.Parse("7e3fb20b-4cdb-47cc-936d-99d65f608138");
        var context = Context(AnswerWithV1);
        SetProfileToken(context.Profile!, Guid.Parse("11111111-2222-3333-4444-555555555555"));
        context = context with { Transaction = Transaction(context.App, appAccountToken: transactionToken) };

        var body = Planner.Plan(context, Now).ShouldSend().Body();

        body.GetProperty("appAccountToken").GetString().ShouldBe("7e3fb20b-4cdb-47cc-936d-99d65f608138");
    }

    [Fact]
    public void Plan_WhenOnlyTheProfileHasAnAppAccountToken_ShouldSendTheProfiles()
    {
        var context = Context(AnswerWithV1);
        SetProfileToken(context.Profile!, Guid.Parse("11111111-2222-3333-4444-555555555555"));

        var body = Planner.Plan(context, Now).ShouldSend().Body();

        body.GetProperty("appAccountToken").GetString().ShouldBe("11111111-2222-3333-4444-555555555555");
    }

    [Fact]
    public void Plan_WhenNeitherHasAnAppAccountToken_ShouldSendTheProfileId()
    {
        var context = Context(AnswerWithV1);

        var body = Planner.Plan(context, Now).ShouldSend().Body();

        body.GetProperty("appAccountToken").GetString().ShouldBe(context.Profile!.Id.ToString("D"));
    }

    [Fact]
    public void Plan_WhenNoTokenAndNoProfile_ShouldSendAnEmptyAppAccountToken()
    {
        var context = Context(new RefundSaverConfiguration
        {
            ApiVersion = Optional<ConsumptionApiVersion>.Of(ConsumptionApiVersion.V1),
            ConsentDefault = Optional<ConsentDefault>.Of(ConsentDefault.OptOut),
        }) with { Profile = null };

        var body = Planner.Plan(context, Now).ShouldSend().Body();

        body.GetProperty("appAccountToken").GetString().ShouldBe(string.Empty);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Plan_WhenTheHistoryHoldsAFreeTrial_ShouldSaySampleContentWasProvided(bool appSetting, bool expected)
    {
        var context = Context(new RefundSaverConfiguration
        {
            ApiVersion = Optional<ConsumptionApiVersion>.Of(ConsumptionApiVersion.V1),
            SampleContentProvided = Optional<bool>.Of(appSetting),
        }) with
        {
            History = [Purchase(0, "USD", Now.AddDays(-40), offerType: 1, offerDiscountType: "FREE_TRIAL"), Purchase(4_990, "USD")],
        };

        var body = Planner.Plan(context, Now).ShouldSend().Body();

        body.GetProperty("sampleContentProvided").GetBoolean().ShouldBe(expected);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Plan_WhenTheHistoryHoldsNoFreeTrial_ShouldFollowTheAppSetting(bool appSetting)
    {
        var context = Context(new RefundSaverConfiguration
        {
            ApiVersion = Optional<ConsumptionApiVersion>.Of(ConsumptionApiVersion.V1),
            SampleContentProvided = Optional<bool>.Of(appSetting),
        }) with
        {
            History = [Purchase(2_990, "USD", Now.AddDays(-40), offerType: 1, offerDiscountType: "PAY_AS_YOU_GO"), Purchase(4_990, "USD")],
        };

        var v1 = Planner.Plan(context, Now).ShouldSend().Body();
        var v2 = Planner.Plan(context with { App = WithApiVersion(context.App, ConsumptionApiVersion.V2) }, Now).ShouldSend().Body();

        v1.GetProperty("sampleContentProvided").GetBoolean().ShouldBe(appSetting);
        v2.GetProperty("sampleContentProvided").GetBoolean().ShouldBe(appSetting);
    }

    [Fact]
    public void Plan_WhenAV1SubscriptionIsHalfway_ShouldSayPartiallyConsumed()
    {
        var context = Context(AnswerWithV1);
        context = context with
        {
            Transaction = Transaction(
                context.App,
                ProductTypeNames.AppleAutoRenewableSubscription,
                purchaseDate: Now.AddDays(-15),
                expiresDate: Now.AddDays(15)),
        };

        var body = Planner.Plan(context, Now).ShouldSend().Body();

        body.GetProperty("consumptionStatus").GetInt32().ShouldBe(2);
    }

    [Fact]
    public void Plan_WhenAV1DeliveryProblemWasReported_ShouldSendItsV1Code()
    {
        var context = Context(AnswerWithV1);
        context = context with { Report = Reported(context.App, percentage: null, delivery: DeliveryStatus.WrongItem) };

        var body = Planner.Plan(context, Now).ShouldSend().Body();

        body.GetProperty("deliveryStatus").GetInt32().ShouldBe(2);
    }

    [Theory]
    [InlineData(RefundPolicy.AlwaysGrant, 1)]
    [InlineData(RefundPolicy.AlwaysDecline, 2)]
    [InlineData(RefundPolicy.NoPreference, 3)]
    public void Plan_WhenAV1AppHasAPolicy_ShouldSendItsV1PreferenceCode(RefundPolicy policy, int expected)
    {
        var context = Context(AnswerWithV1 with { Policy = Optional<RefundPolicy>.Of(policy) });

        var body = Planner.Plan(context, Now).ShouldSend().Body();

        body.GetProperty("refundPreference").GetInt32().ShouldBe(expected);
    }

    [Fact]
    public void Plan_WhenSent_ShouldCarryTheExactJsonTheDomainBuilds()
    {
        var context = Context();

        var send = Planner.Plan(context, Now).ShouldSend();

        send.Body.ShouldBe(JsonSerializer.Serialize(ConsumptionBodies.BuildV2(Planner.Facts(context, Now), RefundPreference.Decline)));
    }

    private static PurchaseReport Reported(App app, int? percentage, DeliveryStatus? delivery = null)
    {
        var report = PurchaseReport.Create(app.Id, TransactionId);
        report.Report(Optional<int?>.Of(percentage), Optional<DeliveryStatus?>.Of(delivery), Now);
        return report;
    }

    private static void SetProfileToken(Profile profile, Guid token) =>
        profile.UpdateDetails(
            new ProfileDetails(Optional<string?>.Unset, Optional<string?>.Unset, Optional<string?>.Unset, Optional<string?>.Unset, Optional<Guid?>.Of(token)),
            Now);

    private static App WithApiVersion(App app, ConsumptionApiVersion version)
    {
        app.ConfigureRefundSaver(new RefundSaverConfiguration { ApiVersion = Optional<ConsumptionApiVersion>.Of(version) });
        return app;
    }
}
