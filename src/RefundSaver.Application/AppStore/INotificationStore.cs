namespace RefundSaver.Application.AppStore;

public interface INotificationStore
{
    /// <summary>
    /// Stores the notification and applies its changes in one transaction, unless a notification
    /// with the same <c>notificationUUID</c> is stored already (the unique key decides, also under
    /// concurrency).
    /// </summary>
    /// <returns>False for a duplicate, which changed nothing.</returns>
    Task<bool> SaveAsync(NewNotification notification, CancellationToken cancellationToken);
}
