using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using RefundSaver.Application.AppStore.Api;
using RefundSaver.Application.AppStore.Dispatching;
using RefundSaver.Domain.Apps;
using RefundSaver.Domain.AppStore;
using RefundSaver.Infrastructure.AppStore.Api;
using RefundSaver.Infrastructure.Persistence;
using RefundSaver.Infrastructure.Telemetry;

namespace RefundSaver.Infrastructure.Dispatching;

/// <summary>
/// Answers consumption requests: claims due ones with a lease (any number of processes side by
/// side), decides with <see cref="DispatchPlanner"/>, takes the app's turn so that Apple's rate limit
/// holds across processes, calls Apple, and records the attempt and the next state together. It
/// sleeps until LISTEN/NOTIFY says a request arrived or the next one falls due.
/// </summary>
internal sealed partial class ConsumptionDispatcher(
    IServiceScopeFactory scopes,
    NpgsqlDataSource dataSource,
    DispatchQueue queue,
    CallWindows windows,
    DispatchPlanner planner,
    IAppStoreApi appStore,
    AppStoreTokenFactory tokens,
    ICredentialProtector protector,
    DispatcherMetrics metrics,
    IOptions<DispatcherOptions> options,
    TimeProvider clock,
    ILogger<ConsumptionDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan MaxTurnWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan TurnLead = TimeSpan.FromMilliseconds(50);
    private const int MaxTurns = 3;
    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LiveWithin = TimeSpan.FromSeconds(6);

    private readonly DispatcherOptions _options = options.Value;
    private readonly string _owner = $"{Environment.MachineName[..Math.Min(40, Environment.MachineName.Length)]}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>Requests asleep until their app's turn to call Apple: they hold no connection and do not count against the concurrency.</summary>
    private int _waitingForTurn;

    private RetrySchedule Schedule => new()
    {
        FirstDelay = TimeSpan.FromSeconds(_options.RetryFirstDelaySeconds),
        MaxDelay = TimeSpan.FromSeconds(_options.RetryMaxDelaySeconds),
        MaxUnauthorizedAttempts = _options.MaxUnauthorizedAttempts,
    };

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
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                running.RemoveWhere(task => task.IsCompleted);
                var free = _options.Concurrency - (running.Count - Volatile.Read(ref _waitingForTurn));
                var claimed = free <= 0
                    ? []
                    : await queue.ClaimAsync(
                        _owner,
                        clock.GetUtcNow(),
                        TimeSpan.FromSeconds(_options.LeaseSeconds),
                        free,
                        _options.ProductionRatePerSecond,
                        _options.SandboxRatePerSecond,
                        stoppingToken);
                foreach (var id in claimed)
                {
                    running.Add(ProcessAsync(id, stoppingToken));
                }

                if (free > 0 && claimed.Count == free)
                {
                    continue;
                }

                await _wake.WaitAsync(claimed.Count == 0 ? await IdleTimeAsync(stoppingToken) : IdleCap, stoppingToken);
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
            await queue.LeaveAsync(_owner, CancellationToken.None);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            LogHeartbeatFailed(logger, exception); // its row ages out after LiveWithin
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
            windows.Share = await queue.BeatAsync(_owner, LiveWithin, stoppingToken);
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

    private void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => Wake();
                await using (var listen = new NpgsqlCommand(DispatcherSignal.Listen, connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                Wake(); // whatever arrived while nobody listened
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

    private async Task ProcessAsync(Guid requestId, CancellationToken stoppingToken)
    {
        await Task.Yield();
        // A trace of its own for each request answered: its database work and its call to Apple.
        using var activity = InfrastructureActivities.Dispatcher.StartActivity("answer consumption request");
        activity?.SetTag("refundsaver.consumption_request.id", requestId);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RefundSaverDbContext>();
            var context = await DispatchContextLoader.LoadAsync(db, requestId, stoppingToken);
            if (context is null)
            {
                return;
            }

            // Held, skipped or expired requests are decided without the facts a body is computed from.
            var recorder = new DispatchRecorder(db, dataSource, _owner, clock);
            var plan = DispatchPlanner.WithoutSending(context, clock.GetUtcNow())
                ?? planner.Plan(await DispatchContextLoader.WithFactsAsync(db, context, stoppingToken), clock.GetUtcNow());
            switch (plan)
            {
                case DispatchPlan.Skip skip:
                    await FinishAsync(recorder, context, ConsumptionRequestState.Skipped, skip.Reason, stoppingToken);
                    LogSkipped(logger, requestId, skip.Reason);
                    break;
                case DispatchPlan.Expire expire:
                    await FinishAsync(recorder, context, ConsumptionRequestState.Expired, expire.Reason, stoppingToken);
                    LogExpired(logger, requestId, context.Request.TransactionId, expire.Reason);
                    break;
                case DispatchPlan.Hold hold:
                    await recorder.ReleaseAsync(requestId, ConsumptionRequestState.Held, hold.Until, $"Held for review until {hold.Until:u}.", stoppingToken);
                    break;
                case DispatchPlan.Wait wait:
                    await recorder.ReleaseAsync(requestId, ConsumptionRequestState.Due, wait.At, wait.Reason, stoppingToken);
                    LogCannotSend(logger, requestId, wait.Reason);
                    break;
                case DispatchPlan.Send send:
                    await SendAsync(db, recorder, context, send, stoppingToken);
                    break;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The lease runs out and another dispatcher (or this one, restarted) finishes the job.
        }
        catch (Exception exception)
        {
            LogProcessFailed(logger, exception, requestId);
        }
        finally
        {
            Wake();
        }
    }

    private async Task SendAsync(RefundSaverDbContext db, DispatchRecorder recorder, DispatchContext context, DispatchPlan.Send send, CancellationToken stoppingToken)
    {
        var request = context.Request;
        if (!await recorder.StartSendingAsync(request.Id, send, stoppingToken))
        {
            return;
        }

        var app = context.App;
        DateTimeOffset startedAt;
        AppStoreAnswer answer;
        try
        {
            var binding = CredentialBinding.Of(app);
            var privateKey = protector.Unprotect(app.AppStorePrivateKeyProtected!, binding);
            if (!protector.IsCurrentFormat(app.AppStorePrivateKeyProtected!))
            {
                await ResealAsync(db, app, privateKey, binding, stoppingToken);
            }

            var credentials = new AppStoreCredentials(app.AppStoreIssuerId!, app.AppStoreKeyId!, privateKey);

            // Every call takes a turn, so a 429 or a 5xx comes back through the queue and its turns, not inline.
            var call = new AppStoreCall(credentials, app.BundleId, request.Environment) { TakesTurns = true };

            // The token is made (or found) before the turn: making one can take longer than a turn
            // lasts, and calls held up after their turns would reach Apple together.
            tokens.GetToken(call);
            var (place, nextFree) = await TakeTurnAsync(request, stoppingToken);
            if (place is null)
            {
                await recorder.ReleaseAsync(request.Id, ConsumptionRequestState.Due, nextFree, "Waiting for the app's turn (Apple's rate limit).", stoppingToken);
                return;
            }

            using (place)
            {
                startedAt = clock.GetUtcNow();
                answer = await appStore.SendConsumptionAsync(call, send.ApiVersion, request.TransactionId, send.Body, stoppingToken);
            }
        }
        catch (Exception exception) when (exception is InvalidAppStoreKeyException or CryptographicException)
        {
            var reason = exception is InvalidAppStoreKeyException
                ? "The app's App Store private key cannot sign; give a new one (PATCH app_store_credentials)."
                : "The app's sealed App Store key cannot be opened with AppStore:CredentialsKey (was the key changed without keeping the old one in AppStore:PreviousCredentialsKeys?), or it was sealed for another app or key id.";
            LogKeyUnusable(logger, request.Id, app.BundleId, reason);
            await FinishAsync(recorder, context, ConsumptionRequestState.Failed, reason, stoppingToken);
            return;
        }

        metrics.Attempted(answer.Kind.ToString());
        var attempts = request.Attempts + 1;
        var unauthorized = answer.Kind == AppStoreAnswerKind.Unauthorized
            ? await DispatchContextLoader.UnauthorizedAttemptsAsync(db, request.Id, stoppingToken) + 1
            : 0;
        var now = clock.GetUtcNow();
        var verdict = AttemptJudge.Judge(answer, attempts, unauthorized, request.Deadline, now, Schedule, Random.Shared.NextDouble());
        var attempt = ConsumptionAttempt.Record(
            request.Id, attempts, startedAt, answer.Elapsed, send.ApiVersion, answer.Kind.ToString(),
            answer.StatusCode, answer.ErrorCode, answer.ErrorMessage, send.Body);
        await recorder.RecordAttemptAsync(attempt, verdict, stoppingToken);
        Report(context, verdict, now);
    }

    /// <summary>
    /// Seals a key stored in the old, unbound format again, bound to its app and key id; only if the
    /// row still holds what was read, so a key an operator replaced meanwhile is left alone.
    /// </summary>
    private async Task ResealAsync(RefundSaverDbContext db, App app, string privateKey, CredentialBinding binding, CancellationToken cancellationToken)
    {
        var old = app.AppStorePrivateKeyProtected;
        var resealed = protector.Protect(privateKey, binding);
        var updated = await db.Apps
            .Where(row => row.Id == app.Id && row.AppStorePrivateKeyProtected == old)
            .ExecuteUpdateAsync(update => update.SetProperty(row => row.AppStorePrivateKeyProtected, resealed), cancellationToken);
        if (updated == 1)
        {
            LogKeyResealed(logger, app.BundleId);
        }
    }

    /// <summary>
    /// Waits for the app's next turn to call Apple and a place in its <see cref="CallWindows"/>, or
    /// answers null (with when to look again) when its turns are taken further ahead than
    /// <see cref="MaxTurnWait"/> or no place frees up. Turns are spaced at the app's rate, but Apple
    /// counts calls in any sliding second, so a call sent late comes closer to the next ones than its
    /// turn allows (a busy machine wakes sleepers late, and several at once). A turn is therefore
    /// taken <see cref="TurnLead"/> ahead, so that the reservation's own round trip is slept off; a
    /// turn woken up more than one interval late is given up for the next free one, and so is one
    /// whose window is full; after <see cref="MaxTurns"/> the request waits in the queue.
    /// </summary>
    private async Task<(IDisposable? Place, DateTimeOffset NextFree)> TakeTurnAsync(ConsumptionRequest request, CancellationToken stoppingToken)
    {
        var production = request.Environment == AppStoreEnvironment.Production;
        var interval = TimeSpan.FromSeconds(1 / (production ? _options.ProductionRatePerSecond : _options.SandboxRatePerSecond));
        var limit = production ? _options.ProductionLimit : _options.SandboxLimit;
        for (var turn = 1; ; turn++)
        {
            var (slot, nextFree) = await queue.ReserveAsync(
                request.AppId, request.Environment, clock.GetUtcNow() + TurnLead, interval, MaxTurnWait, stoppingToken);
            if (slot is not { } at)
            {
                return (null, nextFree);
            }

            await SleepUntilAsync(at, stoppingToken);
            var woke = clock.GetUtcNow();
            var lookAgain = woke + interval;
            var late = woke - at;
            if (late > interval)
            {
                LogMissedTurn(logger, request.Id, late.TotalMilliseconds);
            }
            else
            {
                var (place, placeFreesAt) = windows.TryEnter(request.AppId, request.Environment, limit);
                if (place is not null)
                {
                    return (place, at);
                }

                LogWindowFull(logger, request.Id, limit);
                lookAgain = placeFreesAt;
            }

            if (turn == MaxTurns)
            {
                return (null, lookAgain);
            }
        }
    }

    /// <summary>Up to <see cref="MaxTurnWait"/>, not counted against the concurrency: a busy app's requests would otherwise fill it while asleep, and the other apps' requests would wait behind them.</summary>
    private async Task SleepUntilAsync(DateTimeOffset at, CancellationToken stoppingToken)
    {
        var wait = at - clock.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        Interlocked.Increment(ref _waitingForTurn);
        Wake();
        try
        {
            await Task.Delay(wait, clock, stoppingToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waitingForTurn);
        }
    }

    private void Report(DispatchContext context, AttemptVerdict verdict, DateTimeOffset now)
    {
        var request = context.Request;
        switch (verdict)
        {
            case AttemptVerdict.Answered:
                metrics.Finished("answered");
                metrics.Answered(now - request.CreatedAt);
                LogAnswered(logger, request.Id, request.TransactionId, context.App.BundleId);
                break;
            case AttemptVerdict.Failed failed:
                metrics.Finished("failed");
                LogFailed(logger, request.Id, request.TransactionId, context.App.BundleId, failed.Reason);
                break;
            case AttemptVerdict.Expired expired:
                metrics.Finished("expired");
                LogExpired(logger, request.Id, request.TransactionId, expired.Reason);
                break;
            case AttemptVerdict.RetryAt retry:
                LogRetry(logger, request.Id, retry.Reason, retry.At);
                break;
        }
    }

    private async Task FinishAsync(DispatchRecorder recorder, DispatchContext context, ConsumptionRequestState state, string reason, CancellationToken cancellationToken)
    {
        if (await recorder.FinishAsync(context.Request.Id, state, reason, cancellationToken))
        {
            metrics.Finished(state.ToString().ToLowerInvariant());
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Consumption request {RequestId} answered: Apple accepted the data for transaction {TransactionId} of {BundleId}")]
    private static partial void LogAnswered(ILogger logger, Guid requestId, string transactionId, string bundleId);

    // Debug: the request's row keeps the reason and the finished-requests metric counts it; at
    // Information an app without credentials logged (and exported) a line per refund request.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Consumption request {RequestId} skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, Guid requestId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Consumption request {RequestId} for transaction {TransactionId} expired unanswered: {Reason}")]
    private static partial void LogExpired(ILogger logger, Guid requestId, string transactionId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Consumption request {RequestId} for transaction {TransactionId} of {BundleId} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, Guid requestId, string transactionId, string bundleId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consumption request {RequestId} not accepted yet ({Reason}); next try at {At:u}")]
    private static partial void LogRetry(ILogger logger, Guid requestId, string reason, DateTimeOffset at);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consumption request {RequestId} cannot be sent yet: {Reason}")]
    private static partial void LogCannotSend(ILogger logger, Guid requestId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Consumption request {RequestId} of {BundleId}: {Reason}")]
    private static partial void LogKeyUnusable(ILogger logger, Guid requestId, string bundleId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The App Store key of {BundleId} was sealed again, bound to its app and key id")]
    private static partial void LogKeyResealed(ILogger logger, string bundleId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Consumption request {RequestId} woke {LateMs:0} ms after its turn to call Apple; taking the next free one")]
    private static partial void LogMissedTurn(ILogger logger, Guid requestId, double lateMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Consumption request {RequestId}: {Limit} of its app's calls reached Apple within the last second or are still on their way; taking the next turn")]
    private static partial void LogWindowFull(ILogger logger, Guid requestId, int limit);

    [LoggerMessage(Level = LogLevel.Error, Message = "The dispatcher failed on consumption request {RequestId}; its lease will expire and it will be tried again")]
    private static partial void LogProcessFailed(ILogger logger, Exception exception, Guid requestId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The dispatcher could not claim requests; trying again")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The dispatcher could not renew its heartbeat; it keeps its last share of Apple's rate limit")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The dispatcher lost its LISTEN connection; reconnecting")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);
}
