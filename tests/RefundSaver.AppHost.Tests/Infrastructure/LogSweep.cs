using RefundSaver.TestSupport;
using RefundSaver.TestSupport.Aspire;

namespace RefundSaver.AppHost.Tests.Infrastructure;

/// <summary>
/// What every AppHost of the run printed, swept when it stops: none of the secrets it keeps in its
/// data directory, and no API key, private key or signed payload or token. A leak is named, never quoted.
/// </summary>
public static class LogSweep
{
    private static readonly string[] StoredSecrets = ["admin-token", "credentials-key", "database-api-password", "postgres/password"];

    public static IReadOnlyList<string> Leaks(IReadOnlyList<ResourceLogLine> logs, string dataDirectory)
    {
        var secrets = StoredSecrets
            .Select(file => (File: file, Path: Path.Combine(dataDirectory, file)))
            .Where(stored => File.Exists(stored.Path))
            .Select(stored => (Name: $"the content of {stored.File}", Value: File.ReadAllText(stored.Path).Trim()))
            .Where(secret => secret.Value.Length > 0)
            .ToList();
        return [.. logs.SelectMany(line => secrets
                .Where(secret => line.Content.Contains(secret.Value, StringComparison.Ordinal))
                .Select(secret => secret.Name)
                .Concat(SecretPatterns.KindIn(line.Content) is { } kind ? [kind] : [])
                .Select(leak => $"{leak} in the output of {line.Resource}"))
            .Distinct()];
    }
}
