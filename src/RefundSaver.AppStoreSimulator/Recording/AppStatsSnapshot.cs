namespace RefundSaver.AppStoreSimulator.Recording;

/// <summary>An app's consumption-call counts at one moment.</summary>
public sealed record AppStatsSnapshot(
    string BundleId,
    long Received,
    long Accepted,
    long TooManyRequests,
    long ClientErrors,
    long ServerErrors,
    int MaxReceivedPerSecond,
    int MaxAcceptedPerSecond,
    DateTimeOffset? FirstCallAt,
    DateTimeOffset? LastCallAt)
{
    public static AppStatsSnapshot Of(AppStats stats) => new(
        stats.BundleId,
        stats.Received,
        stats.Accepted,
        stats.TooManyRequests,
        stats.ClientErrors,
        stats.ServerErrors,
        stats.MaxReceivedPerSecond,
        stats.MaxAcceptedPerSecond,
        stats.FirstCallAt,
        stats.LastCallAt);
}
