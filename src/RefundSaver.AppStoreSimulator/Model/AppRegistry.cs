using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace RefundSaver.AppStoreSimulator.Model;

/// <summary>The apps and their In-App Purchase keys, as App Store Connect holds them.</summary>
public sealed class AppRegistry(SimulatorIds ids, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, SimulatedApp> _apps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IssuedKey> _keys = new(StringComparer.Ordinal);

    public IReadOnlyList<SimulatedApp> Apps => [.. _apps.Values.OrderBy(app => app.CreatedAt).ThenBy(app => app.BundleId, StringComparer.Ordinal)];

    /// <summary>Adds an app; false when the bundle id is taken.</summary>
    public bool TryAdd(SimulatedApp app) => _apps.TryAdd(app.BundleId, app);

    public bool TryGet(string bundleId, [NotNullWhen(true)] out SimulatedApp? app) => _apps.TryGetValue(bundleId, out app);

    public bool TryGetKey(string keyId, [NotNullWhen(true)] out IssuedKey? key) => _keys.TryGetValue(keyId, out key);

    /// <summary>Generates a P-256 key for <paramref name="app"/>, keeps its public half, returns the private one as a .p8 (PKCS#8 PEM).</summary>
    public (IssuedKey Key, string PrivateKeyPem) IssueKey(SimulatedApp app)
    {
        using var privateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var publicKey = ECDsa.Create(privateKey.ExportParameters(includePrivateParameters: false));
        string keyId;
        IssuedKey key;
        do
        {
            keyId = ids.NewKeyId();
            key = new IssuedKey(keyId, app.IssuerId, app.BundleId, new ECDsaSecurityKey(publicKey) { KeyId = keyId }, time.GetUtcNow());
        }
        while (!_keys.TryAdd(keyId, key));

        app.AddKey(key);
        return (key, privateKey.ExportPkcs8PrivateKeyPem());
    }
}
