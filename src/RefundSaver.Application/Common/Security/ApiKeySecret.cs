using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace RefundSaver.Application.Common.Security;

/// <summary>
/// API keys look like Adapty's: <c>secret_live_{key id}.{secret}</c>. The key id is public and finds
/// the stored row; only the SHA-256 of the whole key is stored, and compared in constant time.
/// </summary>
public static class ApiKeySecret
{
    private const string Prefix = "secret_live_";
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int KeyIdLength = 8;
    private const int SecretLength = 32;
    private static readonly SearchValues<char> IdCharacters = SearchValues.Create(Alphabet);

    public static (string Key, string KeyId, byte[] Hash) Generate()
    {
        var keyId = RandomNumberGenerator.GetString(Alphabet, KeyIdLength);
        var key = $"{Prefix}{keyId}.{RandomNumberGenerator.GetString(Alphabet, SecretLength)}";
        return (key, keyId, Hash(key));
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The key id of a well-formed key, else null (so that no lookup is made for garbage).</summary>
    public static string? TryGetKeyId(string key)
    {
        if (key.Length != Prefix.Length + KeyIdLength + 1 + SecretLength
            || !key.StartsWith(Prefix, StringComparison.Ordinal)
            || key[Prefix.Length + KeyIdLength] != '.')
        {
            return null;
        }

        // Only ids we could have made are looked up: one that is no text (half a surrogate pair) would fail in the database.
        var keyId = key.Substring(Prefix.Length, KeyIdLength);
        return keyId.AsSpan().ContainsAnyExcept(IdCharacters) ? null : keyId;
    }

    public static bool Matches(string key, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(key), storedHash);
}
