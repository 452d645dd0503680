using System.Security.Cryptography;
using System.Text;
using RefundSaver.Application.AppStore.Api;

namespace RefundSaver.Infrastructure.AppStore.Api;

/// <summary>
/// Reads an App Store Connect <c>.p8</c> key (PKCS#8 PEM of a P-256 key) as people paste it: with
/// or without line breaks, with literal <c>\n</c> escapes, in quotes, even without the PEM armour.
/// Errors say what is wrong and never quote the key.
/// </summary>
internal static class AppStorePrivateKey
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    /// <summary>The key's DER bytes (PKCS#8, or SEC1 for an <c>EC PRIVATE KEY</c>); the caller zeroes them when done.</summary>
    public static byte[] Der(string? pem)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            throw new InvalidAppStoreKeyException("The App Store private key is empty: paste the whole .p8 file from App Store Connect.");
        }

        var base64 = Base64Body(pem);
        var der = new byte[base64.Length * 3 / 4];
        if (base64.Length == 0 || !Convert.TryFromBase64String(base64, der, out var length))
        {
            throw new InvalidAppStoreKeyException(
                "The App Store private key is not a PEM key: expected the .p8 file's '-----BEGIN PRIVATE KEY-----' block of base64.");
        }

        return der.AsSpan(0, length).ToArray();
    }

    /// <summary>A P-256 signing key from <see cref="Der"/>'s bytes.</summary>
    public static ECDsa Import(ReadOnlySpan<byte> der)
    {
        var key = ECDsa.Create();
        try
        {
            if (!TryImport(key, der))
            {
                throw new InvalidAppStoreKeyException(
                    "The App Store private key is not a PKCS#8 EC private key: use the .p8 file App Store Connect gives for the In-App Purchase key.");
            }

            if (!IsP256(key.ExportParameters(includePrivateParameters: false).Curve))
            {
                throw new InvalidAppStoreKeyException("The App Store private key is not on the P-256 curve that ES256 needs.");
            }

            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>Names a key without revealing it: the SHA-256 of its DER bytes, in hex.</summary>
    public static string Fingerprint(ReadOnlySpan<byte> der) => Convert.ToHexString(SHA256.HashData(der));

    private static bool IsP256(ECCurve curve) =>
        curve.IsNamed && (curve.Oid.Value == P256Oid || curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256" or "prime256v1");

    private static bool TryImport(ECDsa key, ReadOnlySpan<byte> der)
    {
        try
        {
            key.ImportPkcs8PrivateKey(der, out var read);
            return read == der.Length;
        }
        catch (CryptographicException)
        {
            // Not PKCS#8: perhaps a SEC1 "EC PRIVATE KEY".
        }

        try
        {
            key.ImportECPrivateKey(der, out var read);
            return read == der.Length;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>The base64 between the armour lines, with escapes, quotes and whitespace taken out.</summary>
    private static string Base64Body(string pem)
    {
        var text = pem.Trim().Trim('"', '\'')
            .Replace("\\r", "\n", StringComparison.Ordinal)
            .Replace("\\n", "\n", StringComparison.Ordinal);
        var body = new StringBuilder(text.Length);
        var index = 0;
        while (index < text.Length)
        {
            if (text.AsSpan(index).StartsWith("-----", StringComparison.Ordinal))
            {
                // Skip an armour line such as "-----BEGIN PRIVATE KEY-----", however it was wrapped.
                var close = text.IndexOf("-----", index + 5, StringComparison.Ordinal);
                index = close < 0 ? text.Length : close + 5;
                continue;
            }

            if (!char.IsWhiteSpace(text[index]))
            {
                body.Append(text[index]);
            }

            index++;
        }

        return body.ToString();
    }
}
