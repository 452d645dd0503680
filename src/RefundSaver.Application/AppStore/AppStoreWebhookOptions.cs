namespace RefundSaver.Application.AppStore;

/// <summary>Configuration <c>AppStore:Webhook</c>: which notifications the webhook takes by their age.</summary>
public sealed class AppStoreWebhookOptions
{
    public const string Section = "AppStore:Webhook";

    public const string Requirements = "AppStore:Webhook:MaxClockSkewSeconds must be between 0 and 3600.";

    /// <summary>
    /// Apple keeps a notification's history (and retries it) for 180 days: an older one can only be
    /// a replay of a payload captured once.
    /// </summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(180);

    /// <summary>How far a notification's <c>signedDate</c> may lie ahead of this server's clock.</summary>
    public int MaxClockSkewSeconds { get; set; } = 300;

    public static bool IsValid(AppStoreWebhookOptions options) => options.MaxClockSkewSeconds is >= 0 and <= 3600;
}
