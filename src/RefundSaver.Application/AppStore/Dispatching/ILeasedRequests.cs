using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.AppStore.Dispatching;

/// <summary>
/// The consumption requests that this dispatcher holds the lease of. Every move requires the lease to
/// still be this dispatcher's: one that lost it (it took longer than the lease) changes nothing.
/// </summary>
public interface ILeasedRequests
{
    /// <summary>Moves the request to a final state without a call to Apple; false when the lease was lost.</summary>
    Task<bool> FinishAsync(Guid requestId, ConsumptionRequestState state, string reason, CancellationToken cancellationToken);

    /// <summary>Gives the request back to the queue, in <paramref name="state"/>, due at <paramref name="dueAt"/>.</summary>
    Task ReleaseAsync(Guid requestId, ConsumptionRequestState state, DateTimeOffset dueAt, string reason, CancellationToken cancellationToken);

    /// <summary>Records what is about to be sent, so that the request shows it even if this process dies mid-call; false when the lease was lost.</summary>
    Task<bool> StartSendingAsync(Guid requestId, DispatchPlan.Send send, CancellationToken cancellationToken);

    /// <summary>The attempt and the request's next state, together.</summary>
    Task RecordAttemptAsync(ConsumptionAttempt attempt, AttemptVerdict verdict, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="resealed"/> as the app's sealed key only if the row still holds <paramref name="old"/>; whether it did.</summary>
    Task<bool> ResealKeyAsync(Guid appId, string old, string resealed, CancellationToken cancellationToken);
}
