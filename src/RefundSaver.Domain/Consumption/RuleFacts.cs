namespace RefundSaver.Domain.Consumption;

/// <summary>
/// What <see cref="RuleConditions"/> read about one consumption request; null means unknown, and a condition on
/// an unknown fact does not hold.
/// </summary>
public sealed record RuleFacts
{
    /// <summary>Nothing known: only rules without conditions match.</summary>
    public static RuleFacts Unknown { get; } = new();

    /// <summary>Apple's <c>consumptionRequestReason</c>.</summary>
    public string? Reason { get; init; }

    public ProductType? ProductType { get; init; }

    public string? ProductId { get; init; }

    /// <summary>Apple's three-letter storefront code of the transaction.</summary>
    public string? Storefront { get; init; }

    /// <summary>Time since the customer was first seen.</summary>
    public TimeSpan? Tenure { get; init; }

    public decimal? LifetimePurchasedUsd { get; init; }

    public decimal? LifetimeRefundedUsd { get; init; }

    /// <summary>Percent consumed, 0–100.</summary>
    public decimal? ConsumptionPercent { get; init; }

    /// <summary>
    /// The facts of a request from what its bodies are built of. The consumption is the reported one, else for
    /// either kind of subscription the elapsed share of its period, else unknown (see
    /// <see cref="ConsumptionBodies.ConsumedThousandths"/>); unlike the V2 body it is not zeroed for an undelivered
    /// purchase nor left out for an auto-renewable subscription.
    /// </summary>
    public static RuleFacts From(ConsumptionFacts facts, string? reason, string? productId, string? storefront)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new RuleFacts
        {
            Reason = reason,
            ProductType = facts.ProductType,
            ProductId = productId,
            Storefront = storefront,
            Tenure = facts.Tenure,
            LifetimePurchasedUsd = facts.LifetimePurchasedUsd,
            LifetimeRefundedUsd = facts.LifetimeRefundedUsd,
            ConsumptionPercent = ConsumptionBodies.ConsumedThousandths(facts) is { } thousandths
                ? thousandths / 1000m
                : null,
        };
    }
}
