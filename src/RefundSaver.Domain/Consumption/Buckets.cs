namespace RefundSaver.Domain.Consumption;

/// <summary>
/// Apple's V1 range codes for <c>accountTenure</c>, <c>playTime</c>, <c>lifetimeDollarsPurchased</c> and
/// <c>lifetimeDollarsRefunded</c>: 0 is undeclared (the fact is unknown), 1..7 are ranges.
/// </summary>
/// <remarks>
/// Boundary rule, the same for every table: a range includes its lower bound and excludes its upper
/// bound, so a value exactly on a boundary belongs to the higher range (exactly 3 days is code 2
/// "3–10 days", exactly 5 minutes is code 2 "5–60 minutes", exactly 365 days is code 7 "over 365 days",
/// exactly $50.00 is code 3 "$50–99.99"). Money is not rounded first: any amount above $0 is at least
/// code 2, and $49.999 is still code 2. A negative span (a clock that ran backwards) or a negative
/// amount counts as zero.
/// </remarks>
public static class Buckets
{
    private static readonly TimeSpan[] TenureLowerBounds =
    [
        TimeSpan.Zero,
        TimeSpan.FromDays(3),
        TimeSpan.FromDays(10),
        TimeSpan.FromDays(30),
        TimeSpan.FromDays(90),
        TimeSpan.FromDays(180),
        TimeSpan.FromDays(365),
    ];

    private static readonly TimeSpan[] PlayTimeLowerBounds =
    [
        TimeSpan.Zero,
        TimeSpan.FromMinutes(5),
        TimeSpan.FromHours(1),
        TimeSpan.FromHours(6),
        TimeSpan.FromDays(1),
        TimeSpan.FromDays(4),
        TimeSpan.FromDays(16),
    ];

    // Code 1 is $0 and code 2 any amount above it; codes 3..7 start at these amounts.
    private static readonly decimal[] DollarLowerBounds = [50m, 100m, 500m, 1000m, 2000m];

    /// <summary>
    /// <c>accountTenure</c>: 0 unknown; 1: 0–3 d; 2: 3–10 d; 3: 10–30 d; 4: 30–90 d; 5: 90–180 d;
    /// 6: 180–365 d; 7: 365 d and over.
    /// </summary>
    public static int AccountTenure(TimeSpan? sinceFirstSeen) =>
        sinceFirstSeen is { } span ? Code(TenureLowerBounds, span) : 0;

    /// <summary>
    /// <c>playTime</c>: 0 unknown; 1: 0–5 min; 2: 5–60 min; 3: 1–6 h; 4: 6–24 h; 5: 1–4 d; 6: 4–16 d;
    /// 7: 16 d and over.
    /// </summary>
    public static int PlayTime(TimeSpan? played) =>
        played is { } span ? Code(PlayTimeLowerBounds, span) : 0;

    /// <summary>
    /// <c>lifetimeDollarsPurchased</c> / <c>lifetimeDollarsRefunded</c>: 0 unknown; 1: $0; 2: $0.01–49.99;
    /// 3: $50–99.99; 4: $100–499.99; 5: $500–999.99; 6: $1000–1999.99; 7: $2000 and over.
    /// </summary>
    public static int Dollars(decimal? usd)
    {
        if (usd is not { } amount)
        {
            return 0;
        }

        if (amount <= 0m)
        {
            return 1;
        }

        var code = 2;
        for (var i = 0; i < DollarLowerBounds.Length; i++)
        {
            if (amount >= DollarLowerBounds[i])
            {
                code = i + 3;
            }
        }

        return code;
    }

    private static int Code(TimeSpan[] lowerBounds, TimeSpan span)
    {
        var code = 1;
        for (var i = 1; i < lowerBounds.Length; i++)
        {
            if (span >= lowerBounds[i])
            {
                code = i + 1;
            }
        }

        return code;
    }
}
