using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace RefundSaver.TestSupport.Simulator;

/// <summary>Builds App Store Server API tokens by hand (header, claims, signature), right or wrong on purpose.</summary>
public static class ApiTokens
{
    /// <summary>A valid token for <paramref name="app"/> at <paramref name="now"/>, as Apple's libraries make them (5 minutes).</summary>
    public static TokenSpec ValidSpec(CreatedApp app, DateTimeOffset now) => new()
    {
        Kid = app.KeyId,
        Iss = app.IssuerId,
        Bid = app.BundleId,
        Iat = now.ToUnixTimeSeconds(),
        Exp = now.AddMinutes(5).ToUnixTimeSeconds(),
    };

    public static string Create(CreatedApp app, TokenSpec spec)
    {
        var header = new JsonObject();
        Add(header, "alg", spec.Alg);
        Add(header, "kid", spec.Kid);
        Add(header, "typ", spec.Typ);
        var payload = new JsonObject();
        Add(payload, "iss", spec.Iss);
        Add(payload, "iat", spec.Iat);
        Add(payload, "exp", spec.Exp);
        Add(payload, "aud", spec.Aud);
        Add(payload, "bid", spec.Bid);
        var signingInput = $"{Encode(header.ToJsonString())}.{Encode(payload.ToJsonString())}";
        var signature = spec.Alg switch
        {
            "ES256" => Sign(app, spec, signingInput),
            "HS256" => HMACSHA256.HashData(Encoding.UTF8.GetBytes(app.PrivateKeyPem), Encoding.ASCII.GetBytes(signingInput)),
            _ => [],
        };
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    private static byte[] Sign(CreatedApp app, TokenSpec spec, string signingInput)
    {
        if (spec.SigningKey is { } key)
        {
            return key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }

        using var appKey = ECDsa.Create();
        appKey.ImportFromPem(app.PrivateKeyPem);
        return appKey.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    private static void Add(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    private static void Add(JsonObject json, string name, long? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }
}
