using Microsoft.Extensions.Caching.Memory;

namespace RefundSaver.Application.ApiKeys;

/// <summary>
/// Keeps active keys' hashes in memory for a few seconds, so that authenticating a request costs
/// no database round trip. A revocation in this process is seen at once, in others within <see cref="Lifetime"/>.
/// Unknown key ids are remembered too (so a repeated one costs one query), at a low priority: the cache
/// holds at most <see cref="Capacity"/> entries, and when a flood of random ids fills it, those go first.
/// </summary>
public sealed class ApiKeyCache(TimeProvider clock) : IDisposable
{
    public const int Capacity = 10_000;

    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    // A cache of its own: a size limit applies to every entry of a cache, and the shared one's have no size.
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public int Count => _cache.Count;

    /// <summary>
    /// A cached key (or its absence) while younger than <see cref="Lifetime"/> by the injected clock; the memory
    /// cache's own expiry, on the wall clock, only frees the memory.
    /// </summary>
    public bool TryGet(string keyId, out CachedApiKey? key)
    {
        if (_cache.TryGetValue(keyId, out ApiKeyCacheEntry? entry) && entry is not null && clock.GetUtcNow() < entry.ExpiresAt)
        {
            key = entry.Key;
            return true;
        }

        key = null;
        return false;
    }

    public void Set(string keyId, CachedApiKey? key) => _cache.Set(keyId, new ApiKeyCacheEntry(key, clock.GetUtcNow() + Lifetime), new MemoryCacheEntryOptions
    {
        AbsoluteExpirationRelativeToNow = Lifetime,
        Size = 1,
        Priority = key is null ? CacheItemPriority.Low : CacheItemPriority.High,
    });

    public void Forget(string keyId) => _cache.Remove(keyId);

    public void Dispose() => _cache.Dispose();
}
