using Mediator;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.AppStore.Notifications.Commands.ReceiveNotification;

/// <summary>An App Store Server Notification V2 as posted to the webhook: <c>{"signedPayload": "…"}</c>.</summary>
public sealed record ReceiveNotificationCommand(string? SignedPayload) : IRequest<Result<NotificationReceipt>>;
