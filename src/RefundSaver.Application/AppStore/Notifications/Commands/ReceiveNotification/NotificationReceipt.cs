namespace RefundSaver.Application.AppStore.Notifications.Commands.ReceiveNotification;

public sealed record NotificationReceipt(Guid NotificationUuid, string NotificationType, bool Duplicate);
