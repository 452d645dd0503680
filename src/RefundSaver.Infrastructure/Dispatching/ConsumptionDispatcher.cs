using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using RefundSaver.Application.AppStore.ConsumptionRequests.Commands.AnswerConsumptionRequest;
using RefundSaver.Application.AppStore.Dispatching;
using RefundSaver.Infrastructure.Persistence;
using RefundSaver.Infrastructure.Telemetry;

namespace RefundSaver.Infrastructure.Dispatching;

/// <summary>
/// The dispatcher's loop: claims due requests with a lease (any number of processes side by side),
/// loads the batch in one go and sends <see cref="AnswerConsumptionRequestCommand"/> for each; keeps
/// the heartbeat by which the processes share Apple's limit; sleeps until LISTEN/NOTIFY says a
/// request arrived or the next one falls due.
/// </summary>
internal sealed partial class ConsumptionDispatcher(
    IServiceScopeFactory scopes,
    NpgsqlDataSource dataSource,
    DispatchQueue queue,
    CallWindows windows,
    AppleTurns turns,
    DispatcherIdentity dispatcher,
    DispatcherWake wake,
    IOptions<DispatcherOptions> options,
    TimeProvider clock,
    ILogger<ConsumptionDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan ShortClaimInterval = TimeSpan.FromMilliseconds(100);

    private readonly DispatcherOptions _options = options.Value;

    private int ClaimAtLeast => Math.Max(1, _options.Concurrency / 4);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The others hold their share of Apple's limit only once they have seen this one: wait for that before the first call.
        if (await BeatAsync(stoppingToken) > 1)
        {
            await Task.Delay(HeartbeatInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        var listening = ListenAsync(stoppingToken);
        var beating = HeartbeatAsync(stoppingToken);
        HashSet<Task> running = [];
        var nextClaimAt = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                running.RemoveWhere(task => task.IsCompleted);
                var busy = running.Count - turns.Waiting;
                var free = _options.Concurrency - busy;
                // A claim costs PostgreSQL milliseconds whatever its size, so while requests are in
                // hand the loop does not claim for each answer: it waits for a quarter of the places
                // to free up, and after a claim that found less than it had room for (the due
                // requests are taken up to their apps' turns) it waits ShortClaimInterval.
                var now = clock.GetUtcNow();
                var throttled = running.Count > 0 && now < nextClaimAt;
                var fewPlaces = free <= 0 || (busy > 0 && free < ClaimAtLeast);
                var claimed = fewPlaces || throttled ? [] : await ClaimAsync(free, stoppingToken);
                foreach (var context in claimed)
                {
                    running.Add(AnswerAsync(context, stoppingToken));
                }

                if (free > 0 && claimed.Count == free)
                {
                    continue;
                }

                if (!fewPlaces && !throttled)
                {
                    nextClaimAt = now + ShortClaimInterval;
                }

                // Each answer and each new request wakes the loop; a claim that found nothing sleeps until the next due request.
                var sleep = throttled ? nextClaimAt - now
                    : claimed.Count == 0 && !fewPlaces ? await IdleTimeAsync(stoppingToken)
                    : IdleCap;
                await wake.WaitAsync(sleep, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                LogLoopFailed(logger, exception);
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        await Task.WhenAll(running.Append(listening).Append(beating)).ContinueWith(_ => { }, TaskScheduler.Default);
        try
        {
            await queue.LeaveAsync(dispatcher.Owner, CancellationToken.None);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            LogHeartbeatFailed(logger, exception); // its row ages out (DispatchQueue counts only recent heartbeats)
        }
    }

    /// <summary>Up to <paramref name="max"/> due requests, leased to this dispatcher, with what deciding them needs.</summary>
    private async Task<IReadOnlyList<DispatchContext>> ClaimAsync(int max, CancellationToken stoppingToken)
    {
        var ids = await queue.ClaimAsync(
            dispatcher.Owner,
            clock.GetUtcNow(),
            TimeSpan.FromSeconds(_options.LeaseSeconds),
            max,
            _options.ProductionRatePerSecond,
            _options.SandboxRatePerSecond,
            stoppingToken);
        if (ids.Count == 0)
        {
            return [];
        }

        await using var scope = scopes.CreateAsyncScope();
        return await DispatchContextLoader.LoadAsync(scope.ServiceProvider.GetRequiredService<RefundSaverDbContext>(), ids, stoppingToken);
    }

    private async Task AnswerAsync(DispatchContext claimed, CancellationToken stoppingToken)
    {
        await Task.Yield();
        // A trace of its own for each request answered: its database work and its call to Apple.
        using var activity = InfrastructureActivities.Dispatcher.StartActivity("answer consumption request");
        activity?.SetTag("refundsaver.consumption_request.id", claimed.Request.Id);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new AnswerConsumptionRequestCommand(claimed), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The lease runs out and another dispatcher (or this one, restarted) finishes the job.
        }
        catch (Exception exception)
        {
            LogAnswerFailed(logger, exception, claimed.Request.Id);
        }
        finally
        {
            wake.Signal();
        }
    }

    private async Task HeartbeatAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(HeartbeatInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            if (!stoppingToken.IsCancellationRequested)
            {
                await BeatAsync(stoppingToken);
            }
        }
    }

    /// <summary>Renews this dispatcher's heartbeat and takes its share of Apple's limit; on a failure the last share stands.</summary>
    private async Task<int> BeatAsync(CancellationToken stoppingToken)
    {
        try
        {
            windows.Share = await queue.BeatAsync(dispatcher.Owner, stoppingToken);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            LogHeartbeatFailed(logger, exception);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        return windows.Share;
    }

    private TimeSpan IdleCap => TimeSpan.FromSeconds(_options.MaxIdleSeconds);

    private async Task<TimeSpan> IdleTimeAsync(CancellationToken cancellationToken)
    {
        var next = await queue.NextDueAsync(cancellationToken);
        if (next is null)
        {
            return IdleCap;
        }

        var wait = next.Value - clock.GetUtcNow();
        return wait <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(50) : wait < IdleCap ? wait : IdleCap;
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => wake.Signal();
                await using (var listen = new NpgsqlCommand(DueRequestsChannel.Listen, connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                wake.Signal(); // whatever arrived while nobody listened
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogListenFailed(logger, exception);
                await Task.Delay(TimeSpan.FromSeconds(2), clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The dispatcher failed on consumption request {RequestId}; its lease will expire and it will be tried again")]
    private static partial void LogAnswerFailed(ILogger logger, Exception exception, Guid requestId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The dispatcher could not claim requests; trying again")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The dispatcher could not renew its heartbeat; it keeps its last share of Apple's rate limit")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The dispatcher lost its LISTEN connection; reconnecting")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);
}
