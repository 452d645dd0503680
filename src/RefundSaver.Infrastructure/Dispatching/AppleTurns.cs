using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RefundSaver.Application.AppStore.Dispatching;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Infrastructure.Dispatching;

/// <summary>
/// An app's turns to call Apple, kept in PostgreSQL (<see cref="DispatchQueue.ReserveAsync"/>) so that
/// they hold across processes, and its places in this process's <see cref="CallWindows"/>.
/// </summary>
internal sealed partial class AppleTurns(
    DispatchQueue queue,
    CallWindows windows,
    DispatcherIdentity dispatcher,
    DispatcherWake wake,
    IOptions<DispatcherOptions> options,
    TimeProvider clock,
    ILogger<AppleTurns> logger) : IAppleTurns
{
    private static readonly TimeSpan MaxTurnWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan TurnLead = TimeSpan.FromMilliseconds(50);
    private const int MaxTurns = 3;

    private readonly DispatcherOptions _options = options.Value;
    private int _waiting;

    /// <summary>Requests asleep until their app's turn: they hold no connection, and the dispatcher does not count them against its concurrency.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>
    /// Waits for the app's next turn to call Apple and a place in its <see cref="CallWindows"/>, or
    /// answers none (with when to look again) when its turns are taken further ahead than
    /// <see cref="MaxTurnWait"/> or no place frees up. Turns are spaced at the app's rate, but Apple
    /// counts calls in any sliding second, so a call sent late comes closer to the next ones than its
    /// turn allows (a busy machine wakes sleepers late, and several at once). A turn is therefore
    /// taken <see cref="TurnLead"/> ahead, so that the reservation's own round trip is slept off; a
    /// turn woken up more than one interval late is given up for the next free one, and so is one
    /// whose window is full; after <see cref="MaxTurns"/> the request waits in the queue.
    /// </summary>
    public async Task<AppleTurn> TakeAsync(Guid appId, AppStoreEnvironment environment, CancellationToken cancellationToken)
    {
        var production = environment == AppStoreEnvironment.Production;
        var interval = TimeSpan.FromSeconds(1 / (production ? _options.ProductionRatePerSecond : _options.SandboxRatePerSecond));
        var limit = production ? _options.ProductionLimit : _options.SandboxLimit;
        for (var turn = 1; ; turn++)
        {
            var (slot, nextFree, dispatchers) = await queue.ReserveAsync(
                appId, environment, clock.GetUtcNow() + TurnLead, interval, MaxTurnWait, dispatcher.Owner, cancellationToken);
            if (slot is not { } at)
            {
                return new AppleTurn(null, nextFree);
            }

            // A dispatcher that started since the last heartbeat takes its share from this call on.
            windows.Share = dispatchers;
            await SleepUntilAsync(at, cancellationToken);
            var woke = clock.GetUtcNow();
            var lookAgain = woke + interval;
            var late = woke - at;
            if (late > interval)
            {
                LogMissedTurn(logger, appId, late.TotalMilliseconds);
            }
            else
            {
                var (place, placeFreesAt) = windows.TryEnter(appId, environment, limit);
                if (place is not null)
                {
                    return new AppleTurn(place, at);
                }

                LogWindowFull(logger, appId, limit);
                lookAgain = placeFreesAt;
            }

            if (turn == MaxTurns)
            {
                return new AppleTurn(null, lookAgain);
            }
        }
    }

    /// <summary>Up to <see cref="MaxTurnWait"/>, not counted against the concurrency: a busy app's requests would otherwise fill it while asleep, and the other apps' requests would wait behind them.</summary>
    private async Task SleepUntilAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var wait = at - clock.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        Interlocked.Increment(ref _waiting);
        wake.Signal();
        try
        {
            await Task.Delay(wait, clock, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A call of app {AppId} woke {LateMs:0} ms after its turn to call Apple; taking the next free one")]
    private static partial void LogMissedTurn(ILogger logger, Guid appId, double lateMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "App {AppId}: {Limit} of its calls reached Apple within the last second or are still on their way; taking the next turn")]
    private static partial void LogWindowFull(ILogger logger, Guid appId, int limit);
}
