using System.Collections.Concurrent;

namespace RefundSaver.Infrastructure.AppStore;

/// <summary>
/// Chains that validated recently, so that the many payloads Apple signs with one leaf cost a
/// signature check each, not a chain build. Bounded: a flood of distinct chains cannot grow it.
/// </summary>
internal sealed class ChainValidationCache(TimeProvider clock, TimeSpan lifetime, int capacity = ChainValidationCache.DefaultCapacity)
{
    public const int DefaultCapacity = 64;

    private readonly ConcurrentDictionary<ChainCacheKey, (ValidatedChain Chain, DateTimeOffset ExpiresAt)> _entries = new();
    private readonly Lock _writeGate = new();

    public ValidatedChain? Find(ChainCacheKey key) =>
        _entries.TryGetValue(key, out var entry) && entry.ExpiresAt > clock.GetUtcNow() ? entry.Chain : null;

    public void Add(ChainCacheKey key, ValidatedChain chain)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            return;
        }

        var now = clock.GetUtcNow();
        lock (_writeGate)
        {
            if (_entries.Count >= capacity && !_entries.ContainsKey(key))
            {
                MakeRoom(now);
            }

            _entries[key] = (chain, now + lifetime);
        }
    }

    private void MakeRoom(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
            {
                _entries.TryRemove(key, out _);
            }
        }

        if (_entries.Count >= capacity)
        {
            _entries.TryRemove(_entries.MinBy(pair => pair.Value.ExpiresAt).Key, out _);
        }
    }
}
