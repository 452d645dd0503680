using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RefundSaver.Application.AppStore.Api;

namespace RefundSaver.Infrastructure.AppStore.Api;

/// <summary>
/// Makes the ES256 bearer tokens of the App Store Server API (header <c>alg</c>, <c>kid</c>,
/// <c>typ</c>; claims <c>iss</c>, <c>iat</c>, <c>exp</c>, <c>aud</c>, <c>bid</c>) and reuses each
/// until <see cref="RefreshBeforeExpiry"/> before it expires. Tokens are cached per issuer, key id,
/// bundle id and key fingerprint, so a replaced key gets a new token at once.
/// </summary>
internal sealed class AppStoreTokenFactory(TimeProvider clock)
{
    public const string Audience = "appstoreconnect-v1";

    /// <summary>How long a token is valid (Apple allows at most 60 minutes).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(20);

    public static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromMinutes(5);

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    private readonly ConcurrentDictionary<TokenKey, CachedToken> _tokens = new();

    /// <summary>A token for the call's app, cached or new.</summary>
    /// <exception cref="InvalidAppStoreKeyException">The private key cannot sign.</exception>
    public string GetToken(AppStoreCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var der = AppStorePrivateKey.Der(call.Credentials.PrivateKeyPem);
        try
        {
            var key = new TokenKey(call.Credentials.IssuerId, call.Credentials.KeyId, call.BundleId, AppStorePrivateKey.Fingerprint(der));
            var now = clock.GetUtcNow();
            if (_tokens.TryGetValue(key, out var cached) && cached.IsFreshAt(now))
            {
                return cached.Token;
            }

            var created = Create(call, der, now);
            _tokens[key] = created;
            RemoveExpired(now);
            return created.Token;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(der);
        }
    }

    /// <summary>Drops <paramref name="token"/> (Apple refused it) unless another call already replaced it.</summary>
    public void Invalidate(string token)
    {
        foreach (var entry in _tokens)
        {
            if (entry.Value.Token == token)
            {
                _tokens.TryRemove(entry);
            }
        }
    }

    private static CachedToken Create(AppStoreCall call, byte[] der, DateTimeOffset now)
    {
        // JWT times are whole seconds: the cache works with the times the token carries.
        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        var expires = issuedAt + Lifetime;
        using var ecdsa = AppStorePrivateKey.Import(der);
        var signingKey = new ECDsaSecurityKey(ecdsa)
        {
            KeyId = call.Credentials.KeyId,

            // The ECDsa is disposed below: a cached signature provider would outlive it.
            CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
        };
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = call.Credentials.IssuerId,
            Audience = Audience,
            IssuedAt = issuedAt.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = new Dictionary<string, object> { ["bid"] = call.BundleId },
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.EcdsaSha256),
        });
        return new CachedToken(token, issuedAt, expires);
    }

    private void RemoveExpired(DateTimeOffset now)
    {
        foreach (var entry in _tokens)
        {
            if (entry.Value.ExpiresAt <= now)
            {
                _tokens.TryRemove(entry);
            }
        }
    }

    private readonly record struct TokenKey(string IssuerId, string KeyId, string BundleId, string KeyFingerprint);

    private sealed record CachedToken(string Token, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt)
    {
        /// <summary>Reusable until a few minutes before it expires, and never when the clock went back before its iat.</summary>
        public bool IsFreshAt(DateTimeOffset now) => now >= IssuedAt && now < ExpiresAt - RefreshBeforeExpiry;
    }
}
