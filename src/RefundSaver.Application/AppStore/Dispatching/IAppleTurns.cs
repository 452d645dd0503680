using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.AppStore.Dispatching;

/// <summary>Apple's rate limit per app, shared by every dispatcher process: a call to Apple waits for its app's turn.</summary>
public interface IAppleTurns
{
    /// <summary>Waits for the app's next turn; the place to hold while the call is on its way, or none and when to look again.</summary>
    Task<AppleTurn> TakeAsync(Guid appId, AppStoreEnvironment environment, CancellationToken cancellationToken);
}
