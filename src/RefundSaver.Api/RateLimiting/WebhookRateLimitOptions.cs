namespace RefundSaver.Api.RateLimiting;

/// <summary>
/// Configuration <c>Webhook:RateLimit</c>: how fast one client address may post to the App Store
/// webhook. Apple delivers from few addresses, so the default is generous.
/// </summary>
public sealed class WebhookRateLimitOptions
{
    public const string Section = "Webhook:RateLimit";

    /// <summary>Sustained requests per second per client address; 0 turns the limit off.</summary>
    public int RequestsPerSecond { get; set; } = 200;

    /// <summary>How many requests may arrive at once above the sustained rate.</summary>
    public int Burst { get; set; } = 1000;
}
