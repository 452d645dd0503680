namespace RefundSaver.Infrastructure.Dispatching;

/// <summary>Settings of the dispatcher (section <c>Dispatcher</c>).</summary>
public sealed class DispatcherOptions
{
    public const string Section = "Dispatcher";

    /// <summary>Whether this process answers requests; any number of processes may.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests one process works on at once, not counting those asleep until their app's turn to call Apple.</summary>
    public int Concurrency { get; set; } = 64;

    /// <summary>How long a claimed request is this process's; after it, another dispatcher takes over.</summary>
    public double LeaseSeconds { get; set; } = 60;

    /// <summary>The longest sleep without a signal: a safety net for a missed notification, not polling.</summary>
    public double MaxIdleSeconds { get; set; } = 30;

    /// <summary>
    /// Calls per second per app in production, across all processes (Apple allows 50 in any sliding
    /// second). The headroom is for calls that reach Apple later than their turn (a pause of this
    /// process, the network) and so together with the next ones: at rate r, Apple sees fewer than
    /// r × (1 s + delay) + 1 calls in a second, which stays within 50 for delays up to 250 ms at 40
    /// but only up to 40 ms at 48.
    /// </summary>
    public double ProductionRatePerSecond { get; set; } = 40;

    /// <summary>Calls per second per app in the sandbox, across all processes (Apple allows 5: a tenth of production); the same headroom.</summary>
    public double SandboxRatePerSecond { get; set; } = 4;

    public double RetryFirstDelaySeconds { get; set; } = 5;

    public double RetryMaxDelaySeconds { get; set; } = 1800;

    public int MaxUnauthorizedAttempts { get; set; } = 3;

    /// <summary>Per-currency USD rates (units of USD per unit of currency) that replace or add to the built-in table.</summary>
    public Dictionary<string, decimal> UsdRates { get; set; } = [];
}
