namespace RefundSaver.Application.Apps.Rules;

/// <summary>The wire (and stored) shape of a rule's conditions: snake_case, every field optional.</summary>
public sealed record RuleConditionsDto
{
    public IReadOnlyList<string>? Reasons { get; init; }

    public IReadOnlyList<string>? ProductTypes { get; init; }

    public IReadOnlyList<string>? ProductIds { get; init; }

    public IReadOnlyList<string>? Storefronts { get; init; }

    public int? MinTenureDays { get; init; }

    public int? MaxTenureDays { get; init; }

    public decimal? MinLifetimePurchasedUsd { get; init; }

    public decimal? MaxLifetimePurchasedUsd { get; init; }

    public decimal? MinLifetimeRefundedUsd { get; init; }

    public decimal? MaxLifetimeRefundedUsd { get; init; }

    public decimal? MinConsumptionPercent { get; init; }

    public decimal? MaxConsumptionPercent { get; init; }
}
