using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.AppStore.Dispatching;
using RefundSaver.Domain.AppStore;
using RefundSaver.Infrastructure.Persistence;

namespace RefundSaver.Infrastructure.Dispatching;

/// <summary>
/// The requests this process's dispatcher holds the lease of, in PostgreSQL (see <see cref="ILeasedRequests"/>).
/// Moves and attempts of concurrent requests are written in batches.
/// </summary>
internal sealed class LeasedRequests(
    RefundSaverDbContext db, LeasedRequestMoves moves, AttemptRecords attempts, DispatcherIdentity dispatcher, TimeProvider clock) : ILeasedRequests
{
    private string Owner => dispatcher.Owner;

    public async Task<bool> ResealKeyAsync(Guid appId, string old, string resealed, CancellationToken cancellationToken) =>
        await db.Apps
            .Where(row => row.Id == appId && row.AppStorePrivateKeyProtected == old)
            .ExecuteUpdateAsync(update => update.SetProperty(row => row.AppStorePrivateKeyProtected, resealed), cancellationToken) == 1;

    public Task<bool> FinishAsync(Guid requestId, ConsumptionRequestState state, string reason, CancellationToken cancellationToken) =>
        moves.MoveAsync(requestId, Owner, state, null, reason, clock.GetUtcNow());

    public Task ReleaseAsync(Guid requestId, ConsumptionRequestState state, DateTimeOffset dueAt, string reason, CancellationToken cancellationToken) =>
        moves.MoveAsync(requestId, Owner, state, dueAt, reason, clock.GetUtcNow());

    public Task<bool> StartSendingAsync(Guid requestId, DispatchPlan.Send send, CancellationToken cancellationToken) =>
        moves.StartSendingAsync(requestId, Owner, send, clock.GetUtcNow());

    public Task RecordAttemptAsync(ConsumptionAttempt attempt, AttemptVerdict verdict, CancellationToken cancellationToken) =>
        attempts.RecordAsync(attempt, verdict, Owner, clock.GetUtcNow());
}
