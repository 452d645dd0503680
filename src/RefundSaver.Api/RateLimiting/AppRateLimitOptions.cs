namespace RefundSaver.Api.RateLimiting;

/// <summary>Configuration <c>Api:RateLimit</c>: how fast one app's keys may call the server-side API.</summary>
public sealed class AppRateLimitOptions
{
    public const string Section = "Api:RateLimit";

    /// <summary>Sustained requests per second per app; 0 turns the limit off.</summary>
    public int RequestsPerSecond { get; set; } = 2000;

    /// <summary>How many requests may arrive at once above the sustained rate.</summary>
    public int Burst { get; set; } = 4000;
}
