using Microsoft.Extensions.Options;
using RefundSaver.AppStoreSimulator.Model;

namespace RefundSaver.AppStoreSimulator.AppleApi;

/// <summary>
/// Apple's rate limit on Send Consumption Information: per app and environment, at most
/// <see cref="SimulatorOptions.ProductionRateLimit"/> (or <see cref="SimulatorOptions.SandboxRateLimit"/>)
/// calls in any sliding second. A refused call learns when the oldest call in the window leaves it.
/// </summary>
public sealed class ConsumptionRateLimiter(IOptions<SimulatorOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly Dictionary<(string BundleId, AppStoreEnvironment Environment), Queue<DateTimeOffset>> _windows = [];
    private readonly Lock _gate = new();

    public int LimitFor(AppStoreEnvironment environment) =>
        environment == AppStoreEnvironment.Production ? options.Value.ProductionRateLimit : options.Value.SandboxRateLimit;

    /// <summary>Takes a slot at <paramref name="now"/>, or says (in <paramref name="retryAt"/>) when one frees up.</summary>
    public bool TryAcquire(string bundleId, AppStoreEnvironment environment, DateTimeOffset now, out DateTimeOffset retryAt)
    {
        var limit = LimitFor(environment);
        lock (_gate)
        {
            if (!_windows.TryGetValue((bundleId, environment), out var window))
            {
                window = new Queue<DateTimeOffset>();
                _windows[(bundleId, environment)] = window;
            }

            while (window.Count > 0 && window.Peek() <= now - Window)
            {
                window.Dequeue();
            }

            if (window.Count < limit)
            {
                window.Enqueue(now);
                retryAt = now;
                return true;
            }

            retryAt = window.Count > 0 ? window.Peek() + Window : now + Window;
            return false;
        }
    }
}
