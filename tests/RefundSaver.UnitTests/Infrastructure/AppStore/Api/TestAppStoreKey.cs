using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RefundSaver.Application.AppStore.Api;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.UnitTests.Infrastructure.AppStore.Api;

/// <summary>A throwaway App Store Connect key: its .p8 PEM for the client, its public half for checking tokens.</summary>
internal sealed class TestAppStoreKey : IDisposable
{
    public const string IssuerId = "57246542-96fe-1a63-e053-0824d011072a";
    public const string BundleId = "com.example.refundsaver";

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public TestAppStoreKey(string keyId = "2X9R4HXF34")
    {
        KeyId = keyId;
        Pem = _key.ExportPkcs8PrivateKeyPem();
    }

    public string KeyId { get; }

    public string Pem { get; }

    public AppStoreCredentials Credentials => new(IssuerId, KeyId, Pem);

    public AppStoreCall Call(AppStoreEnvironment environment = AppStoreEnvironment.Sandbox, string bundleId = BundleId) =>
        new(Credentials, bundleId, environment);

    /// <summary>Checks a token the way Apple would: ES256 with this key, issuer, audience, lifetime.</summary>
    public Task<TokenValidationResult> ValidateAsync(string token, bool validateLifetime = true) =>
        new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new ECDsaSecurityKey(ECDsa.Create(_key.ExportParameters(includePrivateParameters: false))),
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidIssuer = IssuerId,
            ValidAudience = "appstoreconnect-v1",
            ValidateLifetime = validateLifetime,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.Zero,
        });

    public void Dispose() => _key.Dispose();
}
