using System.Collections.Concurrent;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Infrastructure.Dispatching;

/// <summary>
/// Apple counts an app's calls in any sliding second as they arrive, and a call arrives somewhere
/// between the moment it leaves and the moment its answer comes back. So a call may leave only while
/// fewer than Apple's limit of this app's calls are in flight or were answered within the last
/// second: then no second at Apple holds more than the limit, however a busy machine or the network
/// bunches calls that left on their turns. Each of the live dispatcher processes holds its
/// <see cref="Share"/> of the limit, so that together they cannot pass it either.
/// </summary>
internal sealed class CallWindows(TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<(Guid AppId, AppStoreEnvironment Environment), Lane> _lanes = new();
    private int _share = 1;

    /// <summary>How many dispatcher processes share Apple's limit (their heartbeats say); this one holds limit / share.</summary>
    public int Share
    {
        get => Volatile.Read(ref _share);
        set => Volatile.Write(ref _share, Math.Max(1, value));
    }

    /// <summary>A place for one call (dispose it when the answer is in), or null with when to look again.</summary>
    public (IDisposable? Call, DateTimeOffset RetryAt) TryEnter(Guid appId, AppStoreEnvironment environment, int limit)
    {
        var lane = _lanes.GetOrAdd((appId, environment), _ => new Lane(clock));
        return lane.TryEnter(Math.Max(1, limit / Share));
    }

    private sealed class Lane(TimeProvider clock)
    {
        private readonly Queue<DateTimeOffset> _answered = new();
        private readonly Lock _gate = new();
        private int _inFlight;

        public (IDisposable? Call, DateTimeOffset RetryAt) TryEnter(int limit)
        {
            var now = clock.GetUtcNow();
            lock (_gate)
            {
                while (_answered.Count > 0 && _answered.Peek() <= now - Window)
                {
                    _answered.Dequeue();
                }

                if (_inFlight + _answered.Count < limit)
                {
                    _inFlight++;
                    return (new Call(this), now);
                }

                // All places taken by calls still in flight: one of them comes back soon.
                return (null, _answered.Count > 0 ? _answered.Peek() + Window : now + TimeSpan.FromMilliseconds(50));
            }
        }

        private void Leave()
        {
            var now = clock.GetUtcNow();
            lock (_gate)
            {
                _inFlight--;
                _answered.Enqueue(now);
            }
        }

        private sealed class Call(Lane lane) : IDisposable
        {
            private int _disposed;

            public void Dispose()
            {
                if (Interlocked.Exchange(ref _disposed, 1) == 0)
                {
                    lane.Leave();
                }
            }
        }
    }
}
