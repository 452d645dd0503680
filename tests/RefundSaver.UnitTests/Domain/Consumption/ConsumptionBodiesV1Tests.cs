using System.Text.Json;
using RefundSaver.Domain.Consumption;

namespace RefundSaver.UnitTests.Domain.Consumption;

public sealed class ConsumptionBodiesV1Tests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static readonly ConsumptionFacts Bare = new() { AnsweredAt = Now };

    [Fact]
    public void BuildV1_WhenNothingIsKnown_ShouldSendUndeclaredAndTheDocumentedFallbacks()
    {
        var body = ConsumptionBodies.BuildV1(Bare, RefundPreference.Decline);

        body.ShouldBe(new ConsumptionV1Body(
            CustomerConsented: true,
            ConsumptionStatus: 0,
            Platform: 1,
            SampleContentProvided: false,
            DeliveryStatus: 0,
            AppAccountToken: "",
            AccountTenure: 0,
            PlayTime: 0,
            LifetimeDollarsPurchased: 0,
            LifetimeDollarsRefunded: 0,
            UserStatus: 1,
            RefundPreference: 2));
    }

    [Fact]
    public void BuildV1_WhenSerialized_ShouldUseApplesFieldNamesAndSendEveryField()
    {
        var facts = new ConsumptionFacts
        {
            ProductType = ProductType.Consumable,
            AnsweredAt = Now,
            CustomerFirstSeen = Now.AddDays(-45),
            PlayTime = TimeSpan.FromHours(2),
            ReportedConsumptionPercentage = 30_000,
            ReportedDelivery = DeliveryStatus.ServerOutage,
            ReportedUserStatus = UserStatus.Suspended,
            SampleContentProvidedDefault = true,
            LifetimePurchasedUsd = 150m,
            LifetimeRefundedUsd = 0m,
            AppAccountToken = Guid.Parse("7E3FB20B-4CDB-47CC-936D-99D65F608138"),
        };

        var json = JsonSerializer.Serialize(ConsumptionBodies.BuildV1(facts, RefundPreference.GrantProrated));

        json.ShouldBe(
            """{"customerConsented":true,"consumptionStatus":2,"platform":1,"sampleContentProvided":true,"deliveryStatus":3,"appAccountToken":"7e3fb20b-4cdb-47cc-936d-99d65f608138","accountTenure":4,"playTime":3,"lifetimeDollarsPurchased":4,"lifetimeDollarsRefunded":1,"userStatus":2,"refundPreference":1}""");
    }

    [Fact]
    public void BuildV1_WhenNoTokenIsKnown_ShouldSendAnEmptyString()
    {
        var json = JsonSerializer.Serialize(ConsumptionBodies.BuildV1(Bare, RefundPreference.NoPreference));

        json.ShouldContain("\"appAccountToken\":\"\"");
        json.ShouldContain("\"refundPreference\":3");
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(50_000, 2)]
    [InlineData(99_999, 2)]
    [InlineData(100_000, 3)]
    public void BuildV1_WhenConsumptionReported_ShouldMapItToAStatus(int reported, int expected)
    {
        var facts = Bare with { ProductType = ProductType.Consumable, ReportedConsumptionPercentage = reported };

        ConsumptionBodies.BuildV1(facts, RefundPreference.Decline).ConsumptionStatus.ShouldBe(expected);
    }

    [Fact]
    public void BuildV1_WhenAReportedSubscriptionHasElapsed_ShouldPreferTheReport()
    {
        var facts = Bare with
        {
            ProductType = ProductType.AutoRenewableSubscription,
            PurchaseDate = Now.AddDays(-40),
            ExpiresDate = Now.AddDays(-10),
            ReportedConsumptionPercentage = 0,
        };

        ConsumptionBodies.BuildV1(facts, RefundPreference.Decline).ConsumptionStatus.ShouldBe(1);
    }

    [Theory]
    [InlineData(ProductType.AutoRenewableSubscription, 0, 30, 1)]
    [InlineData(ProductType.AutoRenewableSubscription, -1, 29, 2)]
    [InlineData(ProductType.NonRenewingSubscription, -15, 15, 2)]
    [InlineData(ProductType.NonRenewingSubscription, -30, 0, 3)]
    [InlineData(ProductType.AutoRenewableSubscription, -40, -10, 3)]
    [InlineData(ProductType.AutoRenewableSubscription, 5, 35, 1)]
    public void BuildV1_WhenASubscriptionIsUnreported_ShouldUseTheElapsedShareOfItsPeriod(
        ProductType type, int purchaseDaysFromNow, int expiresDaysFromNow, int expected)
    {
        var facts = Bare with
        {
            ProductType = type,
            PurchaseDate = Now.AddDays(purchaseDaysFromNow),
            ExpiresDate = Now.AddDays(expiresDaysFromNow),
        };

        ConsumptionBodies.BuildV1(facts, RefundPreference.Decline).ConsumptionStatus.ShouldBe(expected);
    }

    [Fact]
    public void BuildV1_WhenASubscriptionHasNoPeriod_ShouldBeUndeclared()
    {
        var facts = Bare with { ProductType = ProductType.AutoRenewableSubscription, PurchaseDate = Now.AddDays(-3) };

        ConsumptionBodies.BuildV1(facts, RefundPreference.Decline).ConsumptionStatus.ShouldBe(0);
    }

    [Fact]
    public void BuildV1_WhenAConsumableIsUnreported_ShouldBeUndeclaredEvenWithDates()
    {
        var facts = Bare with
        {
            ProductType = ProductType.Consumable,
            PurchaseDate = Now.AddDays(-30),
            ExpiresDate = Now.AddDays(-1),
        };

        ConsumptionBodies.BuildV1(facts, RefundPreference.Decline).ConsumptionStatus.ShouldBe(0);
    }

    [Theory]
    [InlineData(true, false, true)]
    [InlineData(true, true, true)]
    [InlineData(false, true, true)]
    [InlineData(false, false, false)]
    public void BuildV1_WhenAFreeTrialIsInTheHistory_ShouldReportSampleContentWhateverTheSetting(
        bool freeTrial, bool appSetting, bool expected)
    {
        var facts = Bare with { FreeTrialInHistory = freeTrial, SampleContentProvidedDefault = appSetting };

        ConsumptionBodies.BuildV1(facts, RefundPreference.Decline).SampleContentProvided.ShouldBe(expected);
    }

    [Theory]
    [InlineData(DeliveryStatus.QualityIssue, 1)]
    [InlineData(DeliveryStatus.InGameCurrencyChange, 4)]
    [InlineData(DeliveryStatus.Other, 5)]
    public void BuildV1_WhenDeliveryProblemReported_ShouldSendItsCode(DeliveryStatus delivery, int expected) =>
        ConsumptionBodies.BuildV1(Bare with { ReportedDelivery = delivery }, RefundPreference.Decline)
            .DeliveryStatus.ShouldBe(expected);

    [Theory]
    [InlineData(UserStatus.Terminated, 3)]
    [InlineData(UserStatus.LimitedAccess, 4)]
    public void BuildV1_WhenUserStatusReported_ShouldSendItsCode(UserStatus status, int expected) =>
        ConsumptionBodies.BuildV1(Bare with { ReportedUserStatus = status }, RefundPreference.Decline)
            .UserStatus.ShouldBe(expected);

    [Fact]
    public void BuildV1_WhenFirstSeenExactlyThreeDaysBefore_ShouldSendTheThreeToTenDaysRange()
    {
        ConsumptionBodies.BuildV1(Bare with { CustomerFirstSeen = Now.AddDays(-3) }, RefundPreference.Decline)
            .AccountTenure.ShouldBe(2);
        ConsumptionBodies.BuildV1(Bare with { CustomerFirstSeen = Now.AddDays(-3).AddTicks(1) }, RefundPreference.Decline)
            .AccountTenure.ShouldBe(1);
    }

    [Theory]
    [InlineData(RefundPreference.Grant, 1)]
    [InlineData(RefundPreference.GrantProrated, 1)]
    [InlineData(RefundPreference.Decline, 2)]
    [InlineData(RefundPreference.NoPreference, 3)]
    public void BuildV1_WhenPreferencePicked_ShouldSendItsCode(RefundPreference preference, int expected) =>
        ConsumptionBodies.BuildV1(Bare, preference).RefundPreference.ShouldBe(expected);
}
