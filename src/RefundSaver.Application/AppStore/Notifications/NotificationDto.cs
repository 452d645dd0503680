using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.AppStore.Notifications;

public sealed record NotificationDto(
    Guid Id,
    Guid NotificationUuid,
    string NotificationType,
    string? Subtype,
    string Environment,
    DateTimeOffset SignedDate,
    DateTimeOffset ReceivedAt,
    string? TransactionId,
    string? OriginalTransactionId,
    string Effect)
{
    public static NotificationDto From(Notification notification) => new(
        notification.Id,
        notification.NotificationUuid,
        notification.NotificationType,
        notification.Subtype,
        notification.Environment.ToName(),
        notification.SignedDate,
        notification.ReceivedAt,
        notification.TransactionId,
        notification.OriginalTransactionId,
        notification.Effect);
}
