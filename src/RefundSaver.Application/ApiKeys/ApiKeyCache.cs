using Microsoft.Extensions.Caching.Memory;

namespace RefundSaver.Application.ApiKeys;

/// <summary>
/// Keeps active keys' hashes in memory for a few seconds, so that authenticating a request costs
/// no database round trip. A revocation in this process is seen at once, in others within <see cref="Lifetime"/>.
/// </summary>
public sealed class ApiKeyCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    public bool TryGet(string keyId, out CachedApiKey? key) => cache.TryGetValue(CacheKey(keyId), out key);

    public void Set(string keyId, CachedApiKey? key) => cache.Set(CacheKey(keyId), key, Lifetime);

    public void Forget(string keyId) => cache.Remove(CacheKey(keyId));

    private static string CacheKey(string keyId) => "api-key:" + keyId;
}
