using System.Globalization;

namespace RefundSaver.Bench;

/// <summary>Nearest-rank percentiles of durations.</summary>
internal static class Percentiles
{
    public static TimeSpan Of(IReadOnlyList<TimeSpan> sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>"p50 … ms, p90 … ms, p99 … ms, max … ms".</summary>
    public static string Describe(IEnumerable<TimeSpan> durations)
    {
        var sorted = durations.Order().ToList();
        if (sorted.Count == 0)
        {
            return "n/a";
        }

        string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture);
        return $"p50 {Ms(Of(sorted, 0.50))} ms, p90 {Ms(Of(sorted, 0.90))} ms, p99 {Ms(Of(sorted, 0.99))} ms, max {Ms(sorted[^1])} ms";
    }
}
