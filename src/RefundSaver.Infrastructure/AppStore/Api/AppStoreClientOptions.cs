namespace RefundSaver.Infrastructure.AppStore.Api;

/// <summary>Configuration <c>AppStore:Client</c>: the timeout of one HTTP attempt and the quick retries inside one call.</summary>
internal sealed class AppStoreClientOptions
{
    /// <summary>How long one HTTP attempt (request and whole response) may take.</summary>
    public double AttemptTimeoutSeconds { get; set; } = 10;

    /// <summary>A 429 is retried inline only when its <c>Retry-After</c> is at most this far away; else the caller reschedules.</summary>
    public double MaxInlineRetryAfterSeconds { get; set; } = 2;

    /// <summary>The median first backoff of the exponential, jittered retries (network errors, timeouts, 5xx).</summary>
    public int RetryBaseDelayMilliseconds { get; set; } = 200;
}
