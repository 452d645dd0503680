namespace RefundSaver.Application.AppStore;

/// <summary>
/// The fast path for duplicates (Redis). It only ever says "seen" for a notification that was
/// committed, and when it cannot answer it says "not seen": the database stays the judge.
/// </summary>
public interface IProcessedNotifications
{
    Task<bool> IsProcessedAsync(Guid notificationUuid);

    /// <summary>
    /// Call only after the notification's transaction committed. The mark is queued, not awaited:
    /// it only spares a later duplicate some work, so Apple's answer does not wait for it.
    /// </summary>
    void MarkProcessed(Guid notificationUuid);
}
