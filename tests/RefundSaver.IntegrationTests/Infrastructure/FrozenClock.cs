namespace RefundSaver.IntegrationTests.Infrastructure;

/// <summary>
/// A wall clock that stands still until set, while timers and timestamps run in real time: a whole
/// server runs on it, and its waits, retries and timeouts must still end (FakeTimeProvider's timers
/// fire only when its time is moved, which would stall every one of them).
/// </summary>
public sealed class FrozenClock : TimeProvider
{
    private long _utcTicks = DateTimeOffset.UtcNow.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void SetUtcNow(DateTimeOffset now) => Interlocked.Exchange(ref _utcTicks, now.UtcTicks);
}
