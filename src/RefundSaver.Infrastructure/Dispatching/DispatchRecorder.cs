using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.AppStore.Dispatching;
using RefundSaver.Domain.AppStore;
using RefundSaver.Infrastructure.Persistence;

namespace RefundSaver.Infrastructure.Dispatching;

/// <summary>
/// Moves a claimed request on. Every change requires this dispatcher's lease to still be the
/// request's: a dispatcher that lost it (it took longer than the lease) changes nothing.
/// </summary>
internal sealed class DispatchRecorder(RefundSaverDbContext db, string owner, TimeProvider clock)
{
    private IQueryable<ConsumptionRequest> Mine(Guid requestId) =>
        db.ConsumptionRequests.Where(request => request.Id == requestId && request.LeaseOwner == owner);

    public async Task<bool> FinishAsync(Guid requestId, ConsumptionRequestState state, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await Mine(requestId).ExecuteUpdateAsync(
            update => update
                .SetProperty(request => request.State, state)
                .SetProperty(request => request.StateReason, reason)
                .SetProperty(request => request.LeaseOwner, (string?)null)
                .SetProperty(request => request.LeaseExpiresAt, (DateTimeOffset?)null)
                .SetProperty(request => request.UpdatedAt, now),
            cancellationToken) == 1;
    }

    public Task<int> ReleaseAsync(Guid requestId, ConsumptionRequestState state, DateTimeOffset dueAt, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return Mine(requestId).ExecuteUpdateAsync(
            update => update
                .SetProperty(request => request.State, state)
                .SetProperty(request => request.DueAt, dueAt)
                .SetProperty(request => request.StateReason, reason)
                .SetProperty(request => request.LeaseOwner, (string?)null)
                .SetProperty(request => request.LeaseExpiresAt, (DateTimeOffset?)null)
                .SetProperty(request => request.UpdatedAt, now),
            cancellationToken);
    }

    /// <summary>Records what is about to be sent, so that the request shows it even if this process dies mid-call.</summary>
    public async Task<bool> StartSendingAsync(Guid requestId, DispatchPlan.Send send, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await Mine(requestId).ExecuteUpdateAsync(
            update => update
                .SetProperty(request => request.State, ConsumptionRequestState.Sending)
                .SetProperty(request => request.ApiVersion, send.ApiVersion)
                .SetProperty(request => request.Body, send.Body)
                .SetProperty(request => request.Preference, send.Preference)
                .SetProperty(request => request.PreferenceSource, send.PreferenceSource)
                .SetProperty(request => request.StateReason, (string?)null)
                .SetProperty(request => request.UpdatedAt, now),
            cancellationToken) == 1;
    }

    /// <summary>The attempt and the request's next state, in one transaction.</summary>
    public async Task RecordAttemptAsync(ConsumptionAttempt attempt, AttemptVerdict verdict, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (state, dueAt, reason) = verdict switch
        {
            AttemptVerdict.Answered => (ConsumptionRequestState.Answered, (DateTimeOffset?)null, (string?)null),
            AttemptVerdict.Failed failed => (ConsumptionRequestState.Failed, null, failed.Reason),
            AttemptVerdict.Expired expired => (ConsumptionRequestState.Expired, null, expired.Reason),
            AttemptVerdict.RetryAt retry => (ConsumptionRequestState.Due, retry.At, $"Retrying: {retry.Reason}."),
            _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await Mine(attempt.RequestId).ExecuteUpdateAsync(
            update => update
                .SetProperty(request => request.State, state)
                .SetProperty(request => request.DueAt, request => dueAt ?? request.DueAt)
                .SetProperty(request => request.Attempts, attempt.Number)
                .SetProperty(request => request.StateReason, reason)
                .SetProperty(request => request.AnsweredAt, request => state == ConsumptionRequestState.Answered ? now : request.AnsweredAt)
                .SetProperty(request => request.LeaseOwner, (string?)null)
                .SetProperty(request => request.LeaseExpiresAt, (DateTimeOffset?)null)
                .SetProperty(request => request.UpdatedAt, now),
            cancellationToken);
        if (updated == 1)
        {
            db.ConsumptionAttempts.Add(attempt);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
