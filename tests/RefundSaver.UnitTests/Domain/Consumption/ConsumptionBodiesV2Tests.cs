using System.Text.Json;
using RefundSaver.Domain.Consumption;

namespace RefundSaver.UnitTests.Domain.Consumption;

public sealed class ConsumptionBodiesV2Tests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static readonly ConsumptionFacts Consumable = new()
    {
        ProductType = ProductType.Consumable,
        AnsweredAt = Now,
    };

    [Fact]
    public void BuildV2_WhenSerializedWithEverything_ShouldUseApplesFieldNames()
    {
        var facts = Consumable with { ReportedConsumptionPercentage = 67_932, SampleContentProvidedDefault = true };

        var json = JsonSerializer.Serialize(ConsumptionBodies.BuildV2(facts, RefundPreference.GrantProrated));

        json.ShouldBe(
            """{"customerConsented":true,"deliveryStatus":"DELIVERED","sampleContentProvided":true,"consumptionPercentage":67932,"refundPreference":"GRANT_PRORATED"}""");
    }

    [Fact]
    public void BuildV2_WhenNoPercentageAndNoPreference_ShouldLeaveBothFieldsOut()
    {
        var json = JsonSerializer.Serialize(ConsumptionBodies.BuildV2(Consumable, RefundPreference.NoPreference));

        json.ShouldBe("""{"customerConsented":true,"deliveryStatus":"DELIVERED","sampleContentProvided":false}""");
    }

    [Fact]
    public void BuildV2_WhenAutoRenewableSubscription_ShouldNeverSendAPercentage()
    {
        var facts = Consumable with
        {
            ProductType = ProductType.AutoRenewableSubscription,
            ReportedConsumptionPercentage = 40_000,
            PurchaseDate = Now.AddDays(-15),
            ExpiresDate = Now.AddDays(15),
        };

        var body = ConsumptionBodies.BuildV2(facts, RefundPreference.Decline);

        body.ConsumptionPercentage.ShouldBeNull();
        JsonSerializer.Serialize(body).ShouldNotContain("consumptionPercentage");
    }

    [Fact]
    public void BuildV2_WhenAutoRenewableSubscriptionIsUndelivered_ShouldStillSendNoPercentage()
    {
        var facts = Consumable with
        {
            ProductType = ProductType.AutoRenewableSubscription,
            ReportedDelivery = DeliveryStatus.ServerOutage,
        };

        ConsumptionBodies.BuildV2(facts, RefundPreference.Decline).ConsumptionPercentage.ShouldBeNull();
    }

    [Theory]
    [InlineData(DeliveryStatus.QualityIssue, "UNDELIVERED_QUALITY_ISSUE")]
    [InlineData(DeliveryStatus.WrongItem, "UNDELIVERED_WRONG_ITEM")]
    [InlineData(DeliveryStatus.ServerOutage, "UNDELIVERED_SERVER_OUTAGE")]
    [InlineData(DeliveryStatus.InGameCurrencyChange, "UNDELIVERED_OTHER")]
    [InlineData(DeliveryStatus.Other, "UNDELIVERED_OTHER")]
    public void BuildV2_WhenNotDelivered_ShouldSendZeroPercentWhateverWasReported(DeliveryStatus delivery, string expected)
    {
        var facts = Consumable with { ReportedDelivery = delivery, ReportedConsumptionPercentage = 75_000 };

        var body = ConsumptionBodies.BuildV2(facts, RefundPreference.Decline);

        body.DeliveryStatus.ShouldBe(expected);
        body.ConsumptionPercentage.ShouldBe(0);
    }

    [Fact]
    public void BuildV2_WhenReportedAsDelivered_ShouldSendTheReportedPercentage()
    {
        var facts = Consumable with { ReportedDelivery = DeliveryStatus.Delivered, ReportedConsumptionPercentage = 15 };

        var body = ConsumptionBodies.BuildV2(facts, RefundPreference.Decline);

        body.DeliveryStatus.ShouldBe("DELIVERED");
        body.ConsumptionPercentage.ShouldBe(15);
    }

    [Theory]
    [InlineData(-5, 0)]
    [InlineData(250_000, 100_000)]
    public void BuildV2_WhenReportedPercentageIsOutOfRange_ShouldClampIt(int reported, int expected) =>
        ConsumptionBodies.BuildV2(Consumable with { ReportedConsumptionPercentage = reported }, RefundPreference.Decline)
            .ConsumptionPercentage.ShouldBe(expected);

    [Theory]
    [InlineData(-10, 30, 25_000)]
    [InlineData(-1, 2, 33_333)]
    [InlineData(0, 30, 0)]
    [InlineData(3, 30, 0)]
    [InlineData(-30, 0, 100_000)]
    [InlineData(-60, -30, 100_000)]
    public void BuildV2_WhenANonRenewingSubscriptionIsUnreported_ShouldSendTheElapsedThousandthsRoundedDown(
        int purchaseDaysFromNow, int expiresDaysFromNow, int expected)
    {
        var facts = Consumable with
        {
            ProductType = ProductType.NonRenewingSubscription,
            PurchaseDate = Now.AddDays(purchaseDaysFromNow),
            ExpiresDate = Now.AddDays(expiresDaysFromNow),
        };

        ConsumptionBodies.BuildV2(facts, RefundPreference.Decline).ConsumptionPercentage.ShouldBe(expected);
    }

    [Fact]
    public void BuildV2_WhenANonRenewingSubscriptionIsReported_ShouldPreferTheReport()
    {
        var facts = Consumable with
        {
            ProductType = ProductType.NonRenewingSubscription,
            PurchaseDate = Now.AddDays(-10),
            ExpiresDate = Now.AddDays(10),
            ReportedConsumptionPercentage = 90_000,
        };

        ConsumptionBodies.BuildV2(facts, RefundPreference.Decline).ConsumptionPercentage.ShouldBe(90_000);
    }

    [Theory]
    [InlineData(ProductType.Consumable)]
    [InlineData(ProductType.NonConsumable)]
    [InlineData(null)]
    public void BuildV2_WhenUnreportedAndNotASubscription_ShouldLeaveThePercentageOut(ProductType? type)
    {
        var facts = Consumable with
        {
            ProductType = type,
            PurchaseDate = Now.AddDays(-10),
            ExpiresDate = Now.AddDays(10),
        };

        ConsumptionBodies.BuildV2(facts, RefundPreference.Decline).ConsumptionPercentage.ShouldBeNull();
    }

    [Theory]
    [InlineData(RefundPreference.Decline, "DECLINE")]
    [InlineData(RefundPreference.Grant, "GRANT_FULL")]
    [InlineData(RefundPreference.NoPreference, null)]
    public void BuildV2_WhenPreferencePicked_ShouldSendApplesValue(RefundPreference preference, string? expected) =>
        ConsumptionBodies.BuildV2(Consumable with { ReportedConsumptionPercentage = 50_000 }, preference)
            .RefundPreference.ShouldBe(expected);

    [Theory]
    [InlineData(1, "GRANT_PRORATED")]
    [InlineData(50_000, "GRANT_PRORATED")]
    [InlineData(99_999, "GRANT_PRORATED")]
    [InlineData(0, "GRANT_FULL")]
    [InlineData(100_000, "DECLINE")]
    public void BuildV2_WhenGrantProrated_ShouldNeedAPercentageStrictlyBetweenZeroAndAll(int reported, string expected) =>
        ConsumptionBodies.BuildV2(Consumable with { ReportedConsumptionPercentage = reported }, RefundPreference.GrantProrated)
            .RefundPreference.ShouldBe(expected);

    [Fact]
    public void BuildV2_WhenGrantProratedWithoutAPercentage_ShouldGrantFully()
    {
        var body = ConsumptionBodies.BuildV2(Consumable, RefundPreference.GrantProrated);

        body.ConsumptionPercentage.ShouldBeNull();
        body.RefundPreference.ShouldBe("GRANT_FULL");
    }

    [Fact]
    public void BuildV2_WhenGrantProratedButUndelivered_ShouldGrantFullyAtZeroPercent()
    {
        var facts = Consumable with { ReportedDelivery = DeliveryStatus.WrongItem, ReportedConsumptionPercentage = 60_000 };

        var body = ConsumptionBodies.BuildV2(facts, RefundPreference.GrantProrated);

        body.ConsumptionPercentage.ShouldBe(0);
        body.RefundPreference.ShouldBe("GRANT_FULL");
    }

    [Fact]
    public void BuildV2_WhenGrantProratedForAnAutoRenewableSubscription_ShouldLetAppleProrateWithoutAPercentage()
    {
        var facts = Consumable with { ProductType = ProductType.AutoRenewableSubscription };

        var json = JsonSerializer.Serialize(ConsumptionBodies.BuildV2(facts, RefundPreference.GrantProrated));

        json.ShouldBe("""{"customerConsented":true,"deliveryStatus":"DELIVERED","sampleContentProvided":false,"refundPreference":"GRANT_PRORATED"}""");
    }

    [Fact]
    public void BuildV2_WhenFreeTrialInHistory_ShouldReportSampleContentEvenIfTheAppSaysNo() =>
        ConsumptionBodies.BuildV2(Consumable with { FreeTrialInHistory = true }, RefundPreference.Decline)
            .SampleContentProvided.ShouldBeTrue();

    [Fact]
    public void BuildV2_WhenBuilt_ShouldAlwaysSayTheCustomerConsented() =>
        ConsumptionBodies.BuildV2(Consumable, RefundPreference.Decline).CustomerConsented.ShouldBeTrue();
}
