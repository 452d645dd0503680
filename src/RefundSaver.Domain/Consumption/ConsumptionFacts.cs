namespace RefundSaver.Domain.Consumption;

/// <summary>
/// Everything the consumption bodies are built from, gathered by the caller from the ledger, the profile and
/// the app's reports. Null means unknown; the bodies then send Apple's "undeclared" or a documented fallback.
/// </summary>
public sealed record ConsumptionFacts
{
    /// <summary>The transaction's type; null when the ledger does not know it.</summary>
    public ProductType? ProductType { get; init; }

    /// <summary>The moment the body is built: tenure and a subscription's elapsed share are measured to it.</summary>
    public required DateTimeOffset AnsweredAt { get; init; }

    /// <summary>When the customer was first seen (first purchase or profile creation), for <c>accountTenure</c>.</summary>
    public DateTimeOffset? CustomerFirstSeen { get; init; }

    /// <summary>The reported play time, for <c>playTime</c>.</summary>
    public TimeSpan? PlayTime { get; init; }

    /// <summary>Reported consumption of the purchase, 0–100000 thousandths of a percent, as Apple's V2.</summary>
    public int? ReportedConsumptionPercentage { get; init; }

    /// <summary>A reported delivery problem; null means delivered.</summary>
    public DeliveryStatus? ReportedDelivery { get; init; }

    /// <summary>The reported account status; null means active.</summary>
    public UserStatus? ReportedUserStatus { get; init; }

    /// <summary>Start of the purchased period (for subscriptions).</summary>
    public DateTimeOffset? PurchaseDate { get; init; }

    /// <summary>End of the purchased period (for subscriptions).</summary>
    public DateTimeOffset? ExpiresDate { get; init; }

    /// <summary>A free trial in the customer's purchase history (an introductory free offer).</summary>
    public bool FreeTrialInHistory { get; init; }

    /// <summary>The app's setting for <c>sampleContentProvided</c>, used when no free trial is in the history.</summary>
    public bool SampleContentProvidedDefault { get; init; }

    /// <summary>Everything the customer bought in the app, in USD.</summary>
    public decimal? LifetimePurchasedUsd { get; init; }

    /// <summary>Everything refunded to the customer in the app, in USD.</summary>
    public decimal? LifetimeRefundedUsd { get; init; }

    /// <summary>The transaction's <c>appAccountToken</c>, else the profile's.</summary>
    public Guid? AppAccountToken { get; init; }

    /// <summary>Time from <see cref="CustomerFirstSeen"/> to <see cref="AnsweredAt"/>; null when never seen.</summary>
    public TimeSpan? Tenure => CustomerFirstSeen is { } firstSeen ? AnsweredAt - firstSeen : null;
}
