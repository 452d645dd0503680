using System.Security.Cryptography;
using Mediator;
using Microsoft.Extensions.Logging;
using RefundSaver.Application.AppStore.Api;
using RefundSaver.Application.AppStore.Dispatching;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.AppStore.ConsumptionRequests.Commands.AnswerConsumptionRequest;

/// <summary>
/// Decides with <see cref="DispatchPlanner"/>; a request to send takes its app's turn so that Apple's
/// rate limit holds across processes, is sent, and its attempt and next state are recorded together,
/// as <see cref="AttemptJudge"/> reads Apple's answer.
/// </summary>
internal sealed partial class AnswerConsumptionRequestCommandHandler(
    ILeasedRequests requests,
    IAppleTurns turns,
    IAppStoreApi appStore,
    ICredentialProtector protector,
    DispatchPlanner planner,
    RetrySchedule schedule,
    DispatcherMetrics metrics,
    TimeProvider clock,
    ILogger<AnswerConsumptionRequestCommandHandler> logger) : IRequestHandler<AnswerConsumptionRequestCommand>
{
    public async ValueTask<Unit> Handle(AnswerConsumptionRequestCommand command, CancellationToken cancellationToken)
    {
        var context = command.Claimed;
        var request = context.Request;

        var now = clock.GetUtcNow();
        var plan = planner.Plan(context, now);
        switch (plan)
        {
            case DispatchPlan.Skip skip:
                await FinishAsync(request.Id, ConsumptionRequestState.Skipped, skip.Reason, cancellationToken);
                LogSkipped(logger, request.Id, skip.Reason);
                break;
            case DispatchPlan.Expire expire:
                await FinishAsync(request.Id, ConsumptionRequestState.Expired, expire.Reason, cancellationToken);
                LogExpired(logger, request.Id, request.TransactionId, expire.Reason);
                break;
            case DispatchPlan.Hold hold:
                await requests.ReleaseAsync(request.Id, ConsumptionRequestState.Held, hold.Until, $"Held for review until {hold.Until:u}.", cancellationToken);
                break;
            case DispatchPlan.Wait wait:
                await requests.ReleaseAsync(request.Id, ConsumptionRequestState.Due, wait.At, wait.Reason, cancellationToken);
                LogCannotSend(logger, request.Id, wait.Reason);
                break;
            case DispatchPlan.Send send:
                await SendAsync(context, send, cancellationToken);
                break;
        }

        return Unit.Value;
    }

    private async Task SendAsync(DispatchContext context, DispatchPlan.Send send, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!await requests.StartSendingAsync(request.Id, send, cancellationToken))
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
            if (!protector.IsCurrentFormat(app.AppStorePrivateKeyProtected!)
                && await requests.ResealKeyAsync(app.Id, app.AppStorePrivateKeyProtected!, protector.Protect(privateKey, binding), cancellationToken))
            {
                LogKeyResealed(logger, app.BundleId);
            }

            // Every call takes a turn, so a 429 or a 5xx comes back through the queue and its turns, not inline.
            var call = new AppStoreCall(new AppStoreCredentials(app.AppStoreIssuerId!, app.AppStoreKeyId!, privateKey), app.BundleId, request.Environment)
            {
                TakesTurns = true,
            };
            appStore.PrepareToken(call);
            var turn = await turns.TakeAsync(request.AppId, request.Environment, cancellationToken);
            if (turn.Place is null)
            {
                await requests.ReleaseAsync(request.Id, ConsumptionRequestState.Due, turn.NextFree, "Waiting for the app's turn (Apple's rate limit).", cancellationToken);
                return;
            }

            using (turn.Place)
            {
                startedAt = clock.GetUtcNow();
                answer = await appStore.SendConsumptionAsync(call, send.ApiVersion, request.TransactionId, send.Body, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is InvalidAppStoreKeyException or CryptographicException)
        {
            var reason = exception is InvalidAppStoreKeyException
                ? "The app's App Store private key cannot sign; give a new one (PATCH app_store_credentials)."
                : "The app's sealed App Store key cannot be opened with AppStore:CredentialsKey (was the key changed without keeping the old one in AppStore:PreviousCredentialsKeys?), or it was sealed for another app or key id.";
            LogKeyUnusable(logger, request.Id, app.BundleId, reason);
            await FinishAsync(request.Id, ConsumptionRequestState.Failed, reason, cancellationToken);
            return;
        }

        metrics.Attempted(answer.Kind.ToString());
        var attempts = request.Attempts + 1;
        var unauthorized = answer.Kind == AppStoreAnswerKind.Unauthorized ? context.UnauthorizedAttempts + 1 : 0;
        var now = clock.GetUtcNow();
        var verdict = AttemptJudge.Judge(answer, attempts, unauthorized, request.Deadline, now, schedule, Random.Shared.NextDouble());
        var attempt = ConsumptionAttempt.Record(
            request.Id, attempts, startedAt, answer.Elapsed, send.ApiVersion, answer.Kind.ToString(),
            answer.StatusCode, answer.ErrorCode, answer.ErrorMessage, send.Body);
        await requests.RecordAttemptAsync(attempt, verdict, cancellationToken);
        Report(context, verdict, now);
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

    private async Task FinishAsync(Guid requestId, ConsumptionRequestState state, string reason, CancellationToken cancellationToken)
    {
        if (await requests.FinishAsync(requestId, state, reason, cancellationToken))
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
}
