namespace RefundSaver.Infrastructure.Dispatching;

/// <summary>
/// A dispatcher process that is alive: it renews its row every few seconds and removes it when it
/// stops. How many are alive decides each one's share of Apple's per-app limit (<see cref="CallWindows"/>).
/// </summary>
internal sealed class DispatcherHeartbeat
{
    public string Owner { get; set; } = string.Empty;

    public DateTimeOffset SeenAt { get; set; }
}
