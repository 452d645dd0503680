namespace RefundSaver.AppStoreSimulator.Faults;

/// <summary>The faults waiting to be served, first added first served.</summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<(FaultRule Rule, int Remaining)> _rules = [];

    public void Add(FaultRule rule)
    {
        lock (_gate)
        {
            _rules.Add((rule, rule.Count));
        }
    }

    /// <summary>Takes one use of the first fault that applies to <paramref name="bundleId"/>.</summary>
    public FaultRule? TryTake(string bundleId)
    {
        lock (_gate)
        {
            var index = _rules.FindIndex(entry => entry.Rule.BundleId is null || entry.Rule.BundleId == bundleId);
            if (index < 0)
            {
                return null;
            }

            var (rule, remaining) = _rules[index];
            if (remaining <= 1)
            {
                _rules.RemoveAt(index);
            }
            else
            {
                _rules[index] = (rule, remaining - 1);
            }

            return rule;
        }
    }

    public IReadOnlyList<(FaultRule Rule, int Remaining)> Pending
    {
        get
        {
            lock (_gate)
            {
                return [.. _rules];
            }
        }
    }

    public int Clear()
    {
        lock (_gate)
        {
            var count = _rules.Count;
            _rules.Clear();
            return count;
        }
    }
}
