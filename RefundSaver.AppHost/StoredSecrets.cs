using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace RefundSaver.AppHost;

/// <summary>
/// Secrets the Api needs: taken from configuration if set, else generated once and kept in the data
/// directory, so a restart keeps working with what is already stored or copied somewhere.
/// </summary>
public static class StoredSecrets
{
    /// <summary>The admin API's bearer token (<c>Admin:Token</c>).</summary>
    public static string AdminToken(IConfiguration configuration, string dataDirectory) =>
        GetOrCreate(configuration["Admin:Token"], Path.Combine(dataDirectory, "admin-token"), bytes => Base64Url.EncodeToString(bytes));

    /// <summary>The key that seals apps' App Store private keys at rest (<c>AppStore:CredentialsKey</c>); losing it loses them.</summary>
    public static string CredentialsKey(IConfiguration configuration, string dataDirectory) =>
        GetOrCreate(configuration["AppStore:CredentialsKey"], Path.Combine(dataDirectory, "credentials-key"), Convert.ToBase64String);

    private static string GetOrCreate(string? configured, string path, Func<byte[], string> encode)
    {
        if (configured is { Length: > 0 })
        {
            return configured;
        }

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
