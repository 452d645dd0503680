using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace RefundSaver.Infrastructure.AppStore;

/// <summary>
/// An App Store compact JWS split into its parts, the payload and signature decoded; the header is
/// read by <see cref="ReadCertificates"/>. Nothing in it is trusted yet.
/// </summary>
internal sealed class CompactJws
{
    public const int CertificateCount = 3;

    /// <summary>Duplicate names are refused so that no two readers can see different values.</summary>
    public static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false };

    private CompactJws(string header, byte[] signingInputHash, byte[] payload, byte[] signature)
    {
        Header = header;
        SigningInputHash = signingInputHash;
        Payload = payload;
        Signature = signature;
    }

    /// <summary>The header exactly as sent (base64url): it holds <c>alg</c> and the whole <c>x5c</c> chain.</summary>
    public string Header { get; }

    /// <summary>The SHA-256 of the ASCII bytes of <c>header.payload</c>, which the signature covers.</summary>
    public byte[] SigningInputHash { get; }

    /// <summary>The payload's UTF-8 JSON.</summary>
    public byte[] Payload { get; }

    public byte[] Signature { get; }

    public static CompactJws? Parse(string token, out string? failure)
    {
        var firstDot = token.IndexOf('.', StringComparison.Ordinal);
        var secondDot = firstDot < 0 ? -1 : token.IndexOf('.', firstDot + 1);
        if (secondDot < 0 || token.IndexOf('.', secondDot + 1) >= 0)
        {
            failure = "not a compact JWS of three parts";
            return null;
        }

        var payloadPart = token.AsSpan(firstDot + 1, secondDot - firstDot - 1);
        var signaturePart = token.AsSpan(secondDot + 1);
        // The header is decoded when its certificates are read.
        if (Base64UrlDecode(payloadPart) is not { } payload
            || Base64UrlDecode(signaturePart) is not { } signature)
        {
            failure = "a JWS part is not base64url";
            return null;
        }

        failure = null;
        return new CompactJws(token[..firstDot], HashAscii(token.AsSpan(0, secondDot)), payload, signature);
    }

    /// <summary>Hashed through a pooled buffer: the 5 - 7 KB of ASCII are needed only for the hash.</summary>
    private static byte[] HashAscii(ReadOnlySpan<char> text)
    {
        var ascii = ArrayPool<byte>.Shared.Rent(text.Length);
        try
        {
            var length = Encoding.ASCII.GetBytes(text, ascii);
            return SHA256.HashData(ascii.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(ascii);
        }
    }

    /// <summary>
    /// Checks the header, <c>alg</c> ES256 and an <c>x5c</c> of exactly three certificates, and
    /// answers their DER: leaf, intermediate, then the root the sender claims.
    /// </summary>
    public byte[][]? ReadCertificates(out string? failure)
    {
        if (Base64UrlDecode(Header) is not { } header)
        {
            failure = "a JWS part is not base64url";
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(header, StrictJson);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                failure = "JWS header is not a JSON object";
                return null;
            }

            // Exactly ES256: "none", HMAC (keyed with a public key) and other curves are the classic forgeries.
            if (!root.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || !alg.ValueEquals("ES256"))
            {
                failure = "JWS alg is not ES256";
                return null;
            }

            return ReadCertificates(root, out failure);
        }
        catch (JsonException)
        {
            failure = "JWS header is not JSON";
            return null;
        }
    }

    private static byte[][]? ReadCertificates(JsonElement header, out string? failure)
    {
        if (!header.TryGetProperty("x5c", out var x5c) || x5c.ValueKind != JsonValueKind.Array
            || x5c.GetArrayLength() != CertificateCount)
        {
            failure = $"JWS x5c is not an array of {CertificateCount} certificates";
            return null;
        }

        var certificates = new byte[CertificateCount][];
        for (var index = 0; index < CertificateCount; index++)
        {
            var entry = x5c[index];
            if (entry.ValueKind != JsonValueKind.String || !entry.TryGetBytesFromBase64(out var der) || der.Length == 0)
            {
                failure = $"JWS x5c[{index}] is not base64";
                return null;
            }

            certificates[index] = der;
        }

        failure = null;
        return certificates;
    }

    private static byte[]? Base64UrlDecode(ReadOnlySpan<char> part)
    {
        var buffer = new byte[Base64Url.GetMaxDecodedLength(part.Length)];
        // The OperationStatus form, because TryDecodeFromChars throws on characters outside the alphabet.
        if (Base64Url.DecodeFromChars(part, buffer, out var consumed, out var written) != OperationStatus.Done || consumed != part.Length)
        {
            return null;
        }

        return written == buffer.Length ? buffer : buffer[..written];
    }
}
