using RefundSaver.Application.AppStore.Dispatching;

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
    /// Calls per second per app in production, across all processes: the app's turns. Apple allows
    /// <see cref="ProductionLimit"/> in any sliding second; a call that reaches Apple later than its
    /// turn (a pause of a process, the network) comes closer to the next ones, and
    /// <see cref="CallWindows"/> holds it back when the limit would be at risk (each live dispatcher
    /// process holding its share of the limit).
    /// </summary>
    public double ProductionRatePerSecond { get; set; } = 48;

    /// <summary>Calls per second per app in the sandbox, across all processes: a tenth of production.</summary>
    public double SandboxRatePerSecond { get; set; } = 4.8;

    /// <summary>Apple's limit on Send Consumption Information per app in production, in any sliding second.</summary>
    public int ProductionLimit { get; set; } = 50;

    /// <summary>Apple's limit in the sandbox, in any sliding second.</summary>
    public int SandboxLimit { get; set; } = 5;

    public double RetryFirstDelaySeconds { get; set; } = 5;

    public double RetryMaxDelaySeconds { get; set; } = 1800;

    public int MaxUnauthorizedAttempts { get; set; } = 3;

    /// <summary>The waits between attempts that these settings give.</summary>
    public RetrySchedule Schedule => new()
    {
        FirstDelay = TimeSpan.FromSeconds(RetryFirstDelaySeconds),
        MaxDelay = TimeSpan.FromSeconds(RetryMaxDelaySeconds),
        MaxUnauthorizedAttempts = MaxUnauthorizedAttempts,
    };

    /// <summary>Per-currency USD rates (units of USD per unit of currency) that replace or add to the built-in table.</summary>
    public Dictionary<string, decimal> UsdRates { get; set; } = [];
}
