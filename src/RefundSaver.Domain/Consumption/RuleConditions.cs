namespace RefundSaver.Domain.Consumption;

/// <summary>
/// When a <see cref="PreferenceRule"/> applies. Every condition is optional and every one that is given must
/// hold; a rule with none matches every request. A list condition holds when the fact is one of its values
/// (an empty list counts as not given); a range condition holds when the fact lies within its bounds, both
/// inclusive. A condition on a fact that is unknown (null) does not hold.
/// </summary>
public sealed record RuleConditions
{
    /// <summary>A rule without conditions: it matches every request.</summary>
    public static RuleConditions Always { get; } = new();

    /// <summary>Apple's <c>consumptionRequestReason</c> values (<c>UNINTENDED_PURCHASE</c>, …), case-insensitive.</summary>
    public IReadOnlyList<string>? Reasons { get; init; }

    public IReadOnlyList<ProductType>? ProductTypes { get; init; }

    /// <summary>App Store product ids, compared exactly.</summary>
    public IReadOnlyList<string>? ProductIds { get; init; }

    /// <summary>Apple's three-letter storefront codes (<c>USA</c>, <c>FRA</c>, …), case-insensitive.</summary>
    public IReadOnlyList<string>? Storefronts { get; init; }

    /// <summary>Whole days since the customer was first seen (3 days 23 hours is 3), at least this many.</summary>
    public int? MinTenureDays { get; init; }

    /// <summary>Whole days since the customer was first seen (3 days 23 hours is 3), at most this many.</summary>
    public int? MaxTenureDays { get; init; }

    public decimal? MinLifetimePurchasedUsd { get; init; }

    public decimal? MaxLifetimePurchasedUsd { get; init; }

    public decimal? MinLifetimeRefundedUsd { get; init; }

    public decimal? MaxLifetimeRefundedUsd { get; init; }

    /// <summary>Percent consumed, 0–100 (not Apple's thousandths).</summary>
    public decimal? MinConsumptionPercent { get; init; }

    /// <summary>Percent consumed, 0–100 (not Apple's thousandths).</summary>
    public decimal? MaxConsumptionPercent { get; init; }

    public bool Matches(RuleFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return OneOf(Reasons, facts.Reason, StringComparer.OrdinalIgnoreCase)
            && OneOf(ProductTypes, facts.ProductType)
            && OneOf(ProductIds, facts.ProductId, StringComparer.Ordinal)
            && OneOf(Storefronts, facts.Storefront, StringComparer.OrdinalIgnoreCase)
            && Within(MinTenureDays, MaxTenureDays, TenureDays(facts.Tenure))
            && Within(MinLifetimePurchasedUsd, MaxLifetimePurchasedUsd, facts.LifetimePurchasedUsd)
            && Within(MinLifetimeRefundedUsd, MaxLifetimeRefundedUsd, facts.LifetimeRefundedUsd)
            && Within(MinConsumptionPercent, MaxConsumptionPercent, facts.ConsumptionPercent);
    }

    private static bool OneOf(IReadOnlyList<string>? values, string? fact, StringComparer comparer) =>
        values is not { Count: > 0 } || (fact is not null && values.Contains(fact, comparer));

    private static bool OneOf(IReadOnlyList<ProductType>? values, ProductType? fact) =>
        values is not { Count: > 0 } || (fact is { } type && values.Contains(type));

    private static bool Within<T>(T? min, T? max, T? fact)
        where T : struct, IComparable<T>
    {
        if (min is null && max is null)
        {
            return true;
        }

        return fact is { } value
            && (min is not { } low || value.CompareTo(low) >= 0)
            && (max is not { } high || value.CompareTo(high) <= 0);
    }

    private static int? TenureDays(TimeSpan? tenure) =>
        tenure is { } span ? (int)Math.Floor(Math.Max(span.TotalDays, 0d)) : null;
}
