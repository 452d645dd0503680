namespace RefundSaver.Application.AppStore.Dispatching;

/// <summary>How long to wait between attempts that Apple did not accept but may later.</summary>
public sealed record RetrySchedule
{
    /// <summary>The wait after the first failed attempt; it doubles with each attempt after it.</summary>
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>A 401 is retried this many times in all (a key fixed meanwhile is used), then the request fails.</summary>
    public int MaxUnauthorizedAttempts { get; init; } = 3;

    /// <summary>
    /// The delay before attempt <paramref name="attempts"/> + 1, with ±20 % jitter so that retries do
    /// not arrive together, and never longer than <see cref="MaxDelay"/>.
    /// </summary>
    public TimeSpan DelayAfter(int attempts, double jitter)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var delay = Math.Min(FirstDelay.TotalMilliseconds * Math.Pow(2, exponent), MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(Math.Min(delay * (0.8 + (0.4 * Math.Clamp(jitter, 0, 1))), MaxDelay.TotalMilliseconds));
    }
}
