using Microsoft.Extensions.Caching.Memory;

namespace RefundSaver.Application.ApiKeys;

/// <summary>
/// Keeps active keys' hashes in memory for a few seconds, so that authenticating a request costs
/// no database round trip. A revocation in this process is seen at once, in others within <see cref="Lifetime"/>.
/// </summary>
public sealed class ApiKeyCache(IMemoryCache cache, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A cached key (or its absence) while younger than <see cref="Lifetime"/> by the injected clock; the memory
    /// cache's own expiry, on the wall clock, only frees the memory.
    /// </summary>
    public bool TryGet(string keyId, out CachedApiKey? key)
    {
        if (cache.TryGetValue(CacheKey(keyId), out ApiKeyCacheEntry? entry) && entry is not null && clock.GetUtcNow() < entry.ExpiresAt)
        {
            key = entry.Key;
            return true;
        }

        key = null;
        return false;
    }

    public void Set(string keyId, CachedApiKey? key) =>
        cache.Set(CacheKey(keyId), new ApiKeyCacheEntry(key, clock.GetUtcNow() + Lifetime), Lifetime);

    public void Forget(string keyId) => cache.Remove(CacheKey(keyId));

    private static string CacheKey(string keyId) => "api-key:" + keyId;
}
