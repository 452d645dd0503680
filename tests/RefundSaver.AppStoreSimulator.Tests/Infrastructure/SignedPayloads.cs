using System.Buffers.Text;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RefundSaver.AppStoreSimulator.Signing;

namespace RefundSaver.AppStoreSimulator.Tests.Infrastructure;

/// <summary>
/// Checks a signed payload the way a RefundSaver-like verifier would, independently of the
/// simulator's code: ES256 header with three x5c certificates; the chain builds to the given root
/// (trusted as a custom root, never the one the message carries); Apple's OIDs on leaf and
/// intermediate; the signature verifies with the leaf's key (Microsoft.IdentityModel).
/// </summary>
public static class SignedPayloads
{
    public static async Task<JsonElement> VerifyAsync(string jws, X509Certificate2 trustedRoot)
    {
        var parts = jws.Split('.');
        parts.Length.ShouldBe(3);
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        header.RootElement.GetProperty("alg").GetString().ShouldBe("ES256");
        var x5c = header.RootElement.GetProperty("x5c").EnumerateArray()
            .Select(element => X509CertificateLoader.LoadCertificate(Convert.FromBase64String(element.GetString()!)))
            .ToList();
        x5c.Count.ShouldBe(3);
        var (leaf, intermediate) = (x5c[0], x5c[1]);

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trustedRoot);
        chain.ChainPolicy.ExtraStore.Add(intermediate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.Build(leaf).ShouldBeTrue(string.Join("; ", chain.ChainStatus.Select(status => status.StatusInformation)));
        chain.ChainElements[^1].Certificate.Thumbprint.ShouldBe(trustedRoot.Thumbprint);
        leaf.Extensions[SigningChain.LeafOid].ShouldNotBeNull();
        intermediate.Extensions[SigningChain.IntermediateOid].ShouldNotBeNull();

        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(jws, new TokenValidationParameters
        {
            IssuerSigningKey = new ECDsaSecurityKey(leaf.GetECDsaPublicKey()),
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            RequireSignedTokens = true,
        });
        validation.IsValid.ShouldBeTrue(validation.Exception?.Message);

        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        return payload.RootElement.Clone();
    }

    public static async Task<X509Certificate2> RootOfAsync(SimulatorClient client)
    {
        var pem = await client.Http.GetStringAsync("/simulator/root.pem");
        return X509Certificate2.CreateFromPem(pem);
    }
}
