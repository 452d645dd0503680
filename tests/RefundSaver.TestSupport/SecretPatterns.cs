using System.Text.RegularExpressions;

namespace RefundSaver.TestSupport;

/// <summary>What a secret that passes through the system looks like in a log, for the sweeps of the test run's output.</summary>
public static partial class SecretPatterns
{
    /// <summary>The kind of secret <paramref name="text"/> holds (an API key, a private key, a signed payload or token), named, never quoted; else null.</summary>
    public static string? KindIn(string text) =>
        ApiKey().IsMatch(text) ? "an API key"
        : text.Contains("PRIVATE KEY-----", StringComparison.Ordinal) ? "a private key"
        : SignedToken().IsMatch(text) ? "a signed payload or token"
        : null;

    [GeneratedRegex(@"secret_live_[A-Za-z0-9]{8}\.[A-Za-z0-9]{32}")]
    private static partial Regex ApiKey();

    /// <summary>A compact JWS or JWT: a JSON header, a JSON payload, a signature, base64url each.</summary>
    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}")]
    public static partial Regex SignedToken();
}
