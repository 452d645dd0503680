namespace RefundSaver.Infrastructure.AppStore.Api;

/// <summary>
/// Configuration <c>AppStore:CredentialsKey</c> (the base64 of 32 bytes) and
/// <c>AppStore:PreviousCredentialsKeys:N</c>: the keys that encrypt Apple private keys at rest.
/// </summary>
internal sealed class CredentialProtectionOptions
{
    public const string Section = "AppStore";
    public const string KeySetting = "AppStore:CredentialsKey";
    public const string PreviousKeysSetting = "AppStore:PreviousCredentialsKeys";
    public const int KeySize = 32;

    public const string Requirements =
        "AppStore:CredentialsKey and every AppStore:PreviousCredentialsKeys:N must be the base64 of 32 random bytes (e.g. 'openssl rand -base64 32').";

    /// <summary>Protects new values and opens them; empty means not configured.</summary>
    public string? CredentialsKey { get; set; }

    /// <summary>Keys rotated out: still tried when a value is opened, never used to protect.</summary>
    public List<string> PreviousCredentialsKeys { get; set; } = [];

    /// <summary>The key, or an <see cref="InvalidOperationException"/> naming the setting (never its value).</summary>
    public static byte[] ParseKey(string value, string setting) =>
        TryParseKey(value, out var key)
            ? key
            : throw new InvalidOperationException($"{setting} must be the base64 of {KeySize} random bytes (e.g. 'openssl rand -base64 32').");

    public static bool IsValid(CredentialProtectionOptions options) =>
        (string.IsNullOrEmpty(options.CredentialsKey) || TryParseKey(options.CredentialsKey, out _))
        && options.PreviousCredentialsKeys.TrueForAll(key => TryParseKey(key, out _));

    private static bool TryParseKey(string value, out byte[] key)
    {
        key = new byte[KeySize];
        return Convert.TryFromBase64String(value.Trim(), key, out var written) && written == KeySize;
    }
}
