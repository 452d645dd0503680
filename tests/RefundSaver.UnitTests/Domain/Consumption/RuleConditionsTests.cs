using RefundSaver.Domain.Consumption;

namespace RefundSaver.UnitTests.Domain.Consumption;

public sealed class RuleConditionsTests
{
    private static readonly RuleFacts Known = new()
    {
        Reason = "UNINTENDED_PURCHASE",
        ProductType = ProductType.Consumable,
        ProductId = "com.example.coins100",
        Storefront = "USA",
        Tenure = TimeSpan.FromDays(12.5),
        LifetimePurchasedUsd = 120m,
        LifetimeRefundedUsd = 10m,
        ConsumptionPercent = 40m,
    };

    [Fact]
    public void Matches_WhenNoConditions_ShouldMatchEvenUnknownFacts()
    {
        RuleConditions.Always.Matches(RuleFacts.Unknown).ShouldBeTrue();
        new RuleConditions().Matches(Known).ShouldBeTrue();
    }

    [Fact]
    public void Matches_WhenListsAreEmpty_ShouldTreatThemAsNotGiven() =>
        new RuleConditions { Reasons = [], ProductTypes = [], ProductIds = [], Storefronts = [] }
            .Matches(RuleFacts.Unknown).ShouldBeTrue();

    [Theory]
    [InlineData("UNINTENDED_PURCHASE", true)]
    [InlineData("unintended_purchase", true)]
    [InlineData("LEGAL", false)]
    public void Matches_WhenReasonsGiven_ShouldMatchOneOfThemInAnyCase(string reason, bool expected) =>
        new RuleConditions { Reasons = ["OTHER", reason] }.Matches(Known).ShouldBe(expected);

    [Fact]
    public void Matches_WhenProductTypesGiven_ShouldMatchOnlyThoseTypes()
    {
        new RuleConditions { ProductTypes = [ProductType.Consumable, ProductType.NonConsumable] }.Matches(Known).ShouldBeTrue();
        new RuleConditions { ProductTypes = [ProductType.AutoRenewableSubscription] }.Matches(Known).ShouldBeFalse();
    }

    [Fact]
    public void Matches_WhenProductIdsGiven_ShouldCompareExactly()
    {
        new RuleConditions { ProductIds = ["com.example.coins100"] }.Matches(Known).ShouldBeTrue();
        new RuleConditions { ProductIds = ["COM.EXAMPLE.COINS100"] }.Matches(Known).ShouldBeFalse();
    }

    [Theory]
    [InlineData("usa", true)]
    [InlineData("USA", true)]
    [InlineData("FRA", false)]
    public void Matches_WhenStorefrontsGiven_ShouldMatchInAnyCase(string storefront, bool expected) =>
        new RuleConditions { Storefronts = [storefront] }.Matches(Known).ShouldBe(expected);

    [Theory]
    [InlineData(12, null, true)]
    [InlineData(13, null, false)]
    [InlineData(null, 12, true)]
    [InlineData(null, 11, false)]
    [InlineData(10, 20, true)]
    [InlineData(20, 10, false)]
    public void Matches_WhenTenureBoundsGiven_ShouldCountWholeDaysInclusively(int? min, int? max, bool expected) =>
        new RuleConditions { MinTenureDays = min, MaxTenureDays = max }.Matches(Known).ShouldBe(expected);

    [Theory]
    [InlineData(120.0, null, true)]
    [InlineData(120.01, null, false)]
    [InlineData(null, 120.0, true)]
    [InlineData(null, 119.99, false)]
    public void Matches_WhenLifetimePurchasedBoundsGiven_ShouldIncludeTheBounds(double? min, double? max, bool expected) =>
        new RuleConditions { MinLifetimePurchasedUsd = (decimal?)min, MaxLifetimePurchasedUsd = (decimal?)max }
            .Matches(Known).ShouldBe(expected);

    [Theory]
    [InlineData(10.0, 10.0, true)]
    [InlineData(10.01, null, false)]
    [InlineData(null, 9.99, false)]
    public void Matches_WhenLifetimeRefundedBoundsGiven_ShouldIncludeTheBounds(double? min, double? max, bool expected) =>
        new RuleConditions { MinLifetimeRefundedUsd = (decimal?)min, MaxLifetimeRefundedUsd = (decimal?)max }
            .Matches(Known).ShouldBe(expected);

    [Theory]
    [InlineData(40.0, 40.0, true)]
    [InlineData(40.001, null, false)]
    [InlineData(null, 39.999, false)]
    [InlineData(0.0, 100.0, true)]
    public void Matches_WhenConsumptionBoundsGiven_ShouldIncludeTheBounds(double? min, double? max, bool expected) =>
        new RuleConditions { MinConsumptionPercent = (decimal?)min, MaxConsumptionPercent = (decimal?)max }
            .Matches(Known).ShouldBe(expected);

    public static TheoryData<RuleConditions> OneConditionEach => new()
    {
        new RuleConditions { Reasons = ["UNINTENDED_PURCHASE"] },
        new RuleConditions { ProductTypes = [ProductType.Consumable] },
        new RuleConditions { ProductIds = ["com.example.coins100"] },
        new RuleConditions { Storefronts = ["USA"] },
        new RuleConditions { MinTenureDays = 0 },
        new RuleConditions { MaxTenureDays = 100_000 },
        new RuleConditions { MinLifetimePurchasedUsd = 0m },
        new RuleConditions { MaxLifetimePurchasedUsd = 1_000_000m },
        new RuleConditions { MinLifetimeRefundedUsd = 0m },
        new RuleConditions { MaxLifetimeRefundedUsd = 1_000_000m },
        new RuleConditions { MinConsumptionPercent = 0m },
        new RuleConditions { MaxConsumptionPercent = 100m },
    };

    [Theory]
    [MemberData(nameof(OneConditionEach))]
    public void Matches_WhenTheConditionsFactIsUnknown_ShouldNotHold(RuleConditions conditions)
    {
        conditions.Matches(Known).ShouldBeTrue();
        conditions.Matches(RuleFacts.Unknown).ShouldBeFalse();
    }

    [Fact]
    public void Matches_WhenSeveralConditionsGiven_ShouldNeedAllOfThem()
    {
        var conditions = new RuleConditions
        {
            ProductTypes = [ProductType.Consumable],
            Storefronts = ["USA"],
            MaxConsumptionPercent = 50m,
        };

        conditions.Matches(Known).ShouldBeTrue();
        conditions.Matches(Known with { Storefront = "DEU" }).ShouldBeFalse();
        conditions.Matches(Known with { ConsumptionPercent = 50.5m }).ShouldBeFalse();
        conditions.Matches(Known with { ProductType = null }).ShouldBeFalse();
    }

    [Fact]
    public void Matches_WhenTenureIsNegative_ShouldCountAsZeroDays()
    {
        var conditions = new RuleConditions { MaxTenureDays = 0 };

        conditions.Matches(Known with { Tenure = TimeSpan.FromHours(-2) }).ShouldBeTrue();
        conditions.Matches(Known with { Tenure = TimeSpan.FromHours(23) }).ShouldBeTrue();
        conditions.Matches(Known with { Tenure = TimeSpan.FromHours(24) }).ShouldBeFalse();
    }
}
