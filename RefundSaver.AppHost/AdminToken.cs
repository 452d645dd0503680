using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace RefundSaver.AppHost;

/// <summary>
/// The Api's admin token: configuration <c>Admin:Token</c> if set, else generated once and kept in the
/// data directory, so a restart keeps working with the token already copied somewhere.
/// </summary>
public static class AdminToken
{
    private const string FileName = "admin-token";

    public static string GetOrCreate(IConfiguration configuration, string dataDirectory)
    {
        if (configuration["Admin:Token"] is { Length: > 0 } configured)
        {
            return configured;
        }

        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(path, token);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return token;
    }
}
