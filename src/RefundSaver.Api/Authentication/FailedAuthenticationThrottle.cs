using System.Net;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace RefundSaver.Api.Authentication;

/// <summary>
/// Counts wrong credentials per client address in a fixed window (<see cref="FailedAuthenticationOptions"/>).
/// It is checked before a key is looked up, so a throttled address costs no database query. The address is
/// the connection's: X-Forwarded-For counts only where the operator turned on ASP.NET Core's forwarded
/// headers, which then rewrite it. A request with no address (a Unix socket) is not counted.
/// </summary>
public sealed partial class FailedAuthenticationThrottle(
    IOptions<FailedAuthenticationOptions> options, TimeProvider clock, ILogger<FailedAuthenticationThrottle> logger) : IDisposable
{
    private readonly FailedAuthenticationOptions _limits = options.Value;

    // A cache of its own: its size limit must not apply to (nor be broken by) the other caches' entries.
    private readonly MemoryCache _windows = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.TrackedAddresses) });

    private TimeSpan Window => TimeSpan.FromSeconds(Math.Max(1, _limits.WindowSeconds));

    /// <summary>How long the address must wait, if it has used up its failures; else null.</summary>
    public TimeSpan? RetryAfter(IPAddress? address)
    {
        if (address is null || _limits.PermitLimit <= 0 || !_windows.TryGetValue(Key(address), out FailureWindow? window))
        {
            return null;
        }

        return window!.RetryAfter(clock.GetUtcNow(), _limits.PermitLimit, Window);
    }

    public void RecordFailure(IPAddress? address)
    {
        if (address is null || _limits.PermitLimit <= 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var window = _windows.GetOrCreate(Key(address), entry =>
        {
            entry.Size = 1;
            entry.AbsoluteExpirationRelativeToNow = Window;
            return new FailureWindow();
        })!;
        if (window.Add(now, Window) == _limits.PermitLimit)
        {
            LogThrottled(logger, address.ToString(), _limits.PermitLimit, _limits.WindowSeconds);
        }
    }

    public void Dispose() => _windows.Dispose();

    private static string Key(IPAddress address) => address.MapToIPv6().ToString();

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Client address {Address} presented {Failures} wrong credentials within {WindowSeconds} s: answering 429 until the window ends")]
    private static partial void LogThrottled(ILogger logger, string address, int failures, int windowSeconds);
}
