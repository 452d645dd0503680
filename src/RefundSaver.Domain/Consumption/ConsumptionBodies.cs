namespace RefundSaver.Domain.Consumption;

/// <summary>
/// Builds the bodies of Apple's Send Consumption Information (V1 and V2) from a request's facts and the picked
/// preference. Pure: the same facts give the same body.
/// </summary>
public static class ConsumptionBodies
{
    /// <summary>100% in Apple's thousandths of a percent.</summary>
    public const int FullyConsumed = 100_000;

    public const string V2Decline = "DECLINE";
    public const string V2GrantFull = "GRANT_FULL";
    public const string V2GrantProrated = "GRANT_PRORATED";

    /// <summary>
    /// The V1 body: consumption status from the report or a subscription's elapsed period, platform Apple,
    /// delivered and active unless reported otherwise, and the V1 range codes of <see cref="Buckets"/>.
    /// </summary>
    public static ConsumptionV1Body BuildV1(ConsumptionFacts facts, RefundPreference preference)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new ConsumptionV1Body(
            CustomerConsented: true,
            ConsumptionStatus: ConsumptionStatusV1(facts),
            Platform: 1,
            SampleContentProvided: SampleContentProvided(facts),
            DeliveryStatus: (facts.ReportedDelivery ?? DeliveryStatus.Delivered).ToV1Code(),
            AppAccountToken: facts.AppAccountToken?.ToString("D") ?? string.Empty,
            AccountTenure: Buckets.AccountTenure(facts.Tenure),
            PlayTime: Buckets.PlayTime(facts.PlayTime),
            LifetimeDollarsPurchased: Buckets.Dollars(facts.LifetimePurchasedUsd),
            LifetimeDollarsRefunded: Buckets.Dollars(facts.LifetimeRefundedUsd),
            UserStatus: (facts.ReportedUserStatus ?? UserStatus.Active).ToV1Code(),
            RefundPreference: preference.ToV1Code());
    }

    /// <summary>
    /// The V2 body: delivery status, sample content, the consumption percentage where Apple allows one, and the
    /// preference as Apple can take it (see <see cref="RefundPreferenceV2"/>).
    /// </summary>
    public static ConsumptionV2Body BuildV2(ConsumptionFacts facts, RefundPreference preference)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var percentage = ConsumptionPercentageV2(facts);
        return new ConsumptionV2Body(
            CustomerConsented: true,
            DeliveryStatus: (facts.ReportedDelivery ?? DeliveryStatus.Delivered).ToV2(),
            SampleContentProvided: SampleContentProvided(facts),
            ConsumptionPercentage: percentage,
            RefundPreference: RefundPreferenceV2(preference, facts.ProductType, percentage));
    }

    /// <summary>A free trial in the history means sample content was provided; otherwise the app's setting says.</summary>
    public static bool SampleContentProvided(ConsumptionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.FreeTrialInHistory || facts.SampleContentProvidedDefault;
    }

    /// <summary>
    /// The share of [<see cref="ConsumptionFacts.PurchaseDate"/>, <see cref="ConsumptionFacts.ExpiresDate"/>]
    /// elapsed at <see cref="ConsumptionFacts.AnsweredAt"/>, clamped to 0–1; null when a date is missing or the
    /// period is empty or reversed.
    /// </summary>
    public static decimal? ElapsedShare(ConsumptionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.PurchaseDate is not { } start || facts.ExpiresDate is not { } end || end <= start)
        {
            return null;
        }

        var share = (decimal)(facts.AnsweredAt - start).Ticks / (end - start).Ticks;
        return Math.Clamp(share, 0m, 1m);
    }

    /// <summary>
    /// How much was consumed, in thousandths of a percent: the reported percentage (clamped to 0–100000), else for
    /// either kind of subscription the elapsed share of its period (rounded down, so never 100000 before it
    /// expires), else null.
    /// </summary>
    public static int? ConsumedThousandths(ConsumptionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.ReportedConsumptionPercentage is { } reported)
        {
            return Math.Clamp(reported, 0, FullyConsumed);
        }

        return facts.ProductType is { } type && type.IsSubscription() && ElapsedShare(facts) is { } share
            ? (int)Math.Floor(share * FullyConsumed)
            : null;
    }

    /// <summary>
    /// V1 <c>consumptionStatus</c>: a reported percentage of 0 is 1 (not consumed), 100000 is 3 (fully), anything
    /// between is 2; without a report a subscription's elapsed share gives 1 at 0, 3 at 1 or more, else 2;
    /// otherwise 0 (undeclared).
    /// </summary>
    public static int ConsumptionStatusV1(ConsumptionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.ReportedConsumptionPercentage is { } reported)
        {
            return reported <= 0 ? 1 : reported >= FullyConsumed ? 3 : 2;
        }

        if (facts.ProductType is { } type && type.IsSubscription() && ElapsedShare(facts) is { } share)
        {
            return share <= 0m ? 1 : share >= 1m ? 3 : 2;
        }

        return 0;
    }

    /// <summary>
    /// V2 <c>consumptionPercentage</c>: never for an auto-renewable subscription (Apple computes it and rejects
    /// one); 0 when the purchase was not delivered; else the reported one, else for a non-renewing subscription
    /// the elapsed share of its period; else left out.
    /// </summary>
    public static int? ConsumptionPercentageV2(ConsumptionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.ProductType == ProductType.AutoRenewableSubscription)
        {
            return null;
        }

        if (facts.ReportedDelivery is { } delivery && delivery != DeliveryStatus.Delivered)
        {
            return 0;
        }

        return ConsumedThousandths(facts);
    }

    /// <summary>
    /// V2 <c>refundPreference</c>: Decline → <c>DECLINE</c>, Grant → <c>GRANT_FULL</c>, no preference → left out.
    /// A prorated grant is <c>GRANT_PRORATED</c> where Apple can prorate: for an auto-renewable subscription
    /// (Apple computes its consumption itself, the body carries none), or when the body's percentage is above 0
    /// and below 100000 (Apple rejects <c>GRANT_PRORATED</c> otherwise). Without a percentage, or at 0, a
    /// prorated grant is a full one: <c>GRANT_FULL</c>. At 100000 (fully consumed) a prorated grant refunds
    /// nothing: <c>DECLINE</c>.
    /// </summary>
    public static string? RefundPreferenceV2(RefundPreference preference, ProductType? productType, int? consumptionPercentage) =>
        preference switch
        {
            RefundPreference.Decline => V2Decline,
            RefundPreference.Grant => V2GrantFull,
            RefundPreference.NoPreference => null,
            RefundPreference.GrantProrated when productType == ProductType.AutoRenewableSubscription => V2GrantProrated,
            RefundPreference.GrantProrated => consumptionPercentage switch
            {
                null or <= 0 => V2GrantFull,
                >= FullyConsumed => V2Decline,
                _ => V2GrantProrated,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(preference), preference, null),
        };
}
