using RefundSaver.Domain.Consumption;

namespace RefundSaver.UnitTests.Domain.Consumption;

public sealed class RuleFactsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void From_WhenConsumptionReported_ShouldCarryEveryFactInRuleUnits()
    {
        var facts = new ConsumptionFacts
        {
            ProductType = ProductType.Consumable,
            AnsweredAt = Now,
            CustomerFirstSeen = Now.AddDays(-12),
            ReportedConsumptionPercentage = 67_932,
            LifetimePurchasedUsd = 80m,
            LifetimeRefundedUsd = 5m,
        };

        var ruleFacts = RuleFacts.From(facts, "LEGAL", "com.example.gems", "DEU");

        ruleFacts.ShouldBe(new RuleFacts
        {
            Reason = "LEGAL",
            ProductType = ProductType.Consumable,
            ProductId = "com.example.gems",
            Storefront = "DEU",
            Tenure = TimeSpan.FromDays(12),
            LifetimePurchasedUsd = 80m,
            LifetimeRefundedUsd = 5m,
            ConsumptionPercent = 67.932m,
        });
    }

    [Fact]
    public void From_WhenAnAutoRenewableSubscriptionIsUnreported_ShouldUseItsElapsedShare()
    {
        var facts = new ConsumptionFacts
        {
            ProductType = ProductType.AutoRenewableSubscription,
            AnsweredAt = Now,
            PurchaseDate = Now.AddDays(-3),
            ExpiresDate = Now.AddDays(1),
        };

        RuleFacts.From(facts, null, null, null).ConsumptionPercent.ShouldBe(75m);
    }

    [Fact]
    public void From_WhenNothingIsKnown_ShouldLeaveTheFactsUnknown()
    {
        var ruleFacts = RuleFacts.From(new ConsumptionFacts { AnsweredAt = Now }, null, null, null);

        ruleFacts.ShouldBe(RuleFacts.Unknown);
    }
}
