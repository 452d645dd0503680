using System.Collections.Concurrent;

namespace RefundSaver.AppStoreSimulator.Recording;

/// <summary>Every consumption call, by transaction identifier (known or not), and per-app counts.</summary>
public sealed class ConsumptionLog
{
    private readonly ConcurrentDictionary<string, List<ConsumptionCall>> _byTransaction = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AppStats> _stats = new(StringComparer.Ordinal);
    private readonly Lock _statsGate = new();

    public void Record(ConsumptionCall call)
    {
        var calls = _byTransaction.GetOrAdd(call.TransactionId, _ => []);
        lock (calls)
        {
            calls.Add(call);
        }

        if (call.BundleId is null)
        {
            return;
        }

        lock (_statsGate)
        {
            if (!_stats.TryGetValue(call.BundleId, out var stats))
            {
                stats = new AppStats(call.BundleId);
                _stats[call.BundleId] = stats;
            }

            stats.Record(call.ReceivedAt, call.Status);
        }
    }

    public IReadOnlyList<ConsumptionCall> For(string transactionId)
    {
        if (!_byTransaction.TryGetValue(transactionId, out var calls))
        {
            return [];
        }

        lock (calls)
        {
            return [.. calls];
        }
    }

    /// <summary>A copy of the counts, so that they are read consistently.</summary>
    public IReadOnlyList<AppStatsSnapshot> Stats(string? bundleId = null)
    {
        lock (_statsGate)
        {
            return
            [
                .. _stats.Values
                    .Where(stats => bundleId is null || stats.BundleId == bundleId)
                    .OrderBy(stats => stats.BundleId, StringComparer.Ordinal)
                    .Select(AppStatsSnapshot.Of),
            ];
        }
    }
}
