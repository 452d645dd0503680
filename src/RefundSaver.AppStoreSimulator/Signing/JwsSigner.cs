using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RefundSaver.AppStoreSimulator.Signing;

/// <summary>
/// Signs payloads as the App Store does: ES256 compact JWS with the chain in <c>x5c</c>. The header
/// is encoded once, so signing costs one serialization and one ECDSA signature (fit for benchmarks).
/// Safe for concurrent use.
/// </summary>
public sealed class JwsSigner
{
    /// <summary>camelCase names, as Apple's payloads use.</summary>
    public static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    private readonly ECDsa _key;
    private readonly byte[] _encodedHeaderAndDot;

    /// <summary>Signs with the chain's leaf key and carries the chain's three certificates.</summary>
    public JwsSigner(SigningChain chain)
        : this(chain.LeafKey, chain.X5c)
    {
    }

    /// <summary>Signs with any key under any x5c (e.g. a forger's key under Apple's real chain).</summary>
    public JwsSigner(ECDsa key, IReadOnlyList<byte[]> x5c)
        : this(key, BuildHeader(x5c))
    {
    }

    /// <summary>Signs with ES256 under any header, e.g. one with another <c>alg</c> or a malformed <c>x5c</c>.</summary>
    public JwsSigner(ECDsa key, string headerJson)
    {
        _key = key;
        HeaderJson = headerJson;
        _encodedHeaderAndDot = Encoding.ASCII.GetBytes(Base64Url.EncodeToString(Encoding.UTF8.GetBytes(headerJson)) + ".");
    }

    public string HeaderJson { get; }

    /// <summary><c>{"alg":…,"x5c":[…]}</c> with each certificate in standard base64, as Apple sends it.</summary>
    public static string BuildHeader(IReadOnlyList<byte[]> x5c, string alg = "ES256") =>
        new JsonObject
        {
            ["alg"] = alg,
            ["x5c"] = new JsonArray([.. x5c.Select(der => JsonValue.Create(Convert.ToBase64String(der)))]),
        }.ToJsonString();

    /// <summary>Base64url without padding, as JWS encodes its parts.</summary>
    public static string Base64UrlEncode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    /// <summary>Serializes <paramref name="payload"/> with <see cref="PayloadJson"/> and signs it.</summary>
    public string Sign<TPayload>(TPayload payload)
        where TPayload : notnull =>
        SignUtf8(JsonSerializer.SerializeToUtf8Bytes(payload, PayloadJson));

    /// <summary>Signs this exact JSON text.</summary>
    public string Sign(string payloadJson) => SignUtf8(Encoding.UTF8.GetBytes(payloadJson));

    private string SignUtf8(byte[] payload)
    {
        var signingInput = new byte[_encodedHeaderAndDot.Length + Base64Url.GetEncodedLength(payload.Length)];
        _encodedHeaderAndDot.CopyTo(signingInput, 0);
        Base64Url.EncodeToUtf8(payload, signingInput.AsSpan(_encodedHeaderAndDot.Length));
        var signature = _key.SignData(signingInput, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return string.Concat(Encoding.ASCII.GetString(signingInput), ".", Base64Url.EncodeToString(signature));
    }
}
