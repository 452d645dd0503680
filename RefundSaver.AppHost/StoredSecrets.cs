using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace RefundSaver.AppHost;

/// <summary>
/// Secrets the system needs: taken from configuration if set, else generated once (32 random bytes)
/// and kept in the data directory, readable by its owner only, so a restart keeps working with what
/// is already stored or copied somewhere.
/// </summary>
public static class StoredSecrets
{
    public const string AdminTokenFile = "admin-token";

    public static readonly Func<byte[], string> Base64Url = bytes => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    /// <summary>The admin API's bearer token (<c>Admin:Token</c>).</summary>
    public static string AdminToken(IConfiguration configuration, string dataDirectory) =>
        configuration["Admin:Token"] is { Length: > 0 } configured
            ? configured
            : GetOrCreate(Path.Combine(dataDirectory, AdminTokenFile), Base64Url);

    /// <summary>The key that seals apps' App Store private keys at rest (<c>AppStore:CredentialsKey</c>); losing it loses them.</summary>
    public static string CredentialsKey(IConfiguration configuration, string dataDirectory) =>
        configuration["AppStore:CredentialsKey"] is { Length: > 0 } configured
            ? configured
            : GetOrCreate(Path.Combine(dataDirectory, "credentials-key"), Convert.ToBase64String);

    /// <summary>The password of the database role the API runs as, on the AppHost's own PostgreSQL.</summary>
    public static string DatabaseApiPassword(string dataDirectory) =>
        GetOrCreate(Path.Combine(dataDirectory, "database-api-password"), Base64Url);

    public static string GetOrCreate(string path, Func<byte[], string> encode)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var secret = encode(RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(path, secret);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return secret;
    }
}
