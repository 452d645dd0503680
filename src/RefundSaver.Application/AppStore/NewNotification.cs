using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.AppStore;

/// <summary>
/// A verified notification and everything it changes, stored in one transaction: the notification
/// row, the ledger row of its transaction, a consumption request, and a refund outcome.
/// </summary>
public sealed record NewNotification(
    Guid Id,
    Guid AppId,
    Guid NotificationUuid,
    string NotificationType,
    string? Subtype,
    AppStoreEnvironment Environment,
    DateTimeOffset SignedDate,
    DateTimeOffset ReceivedAt,
    TransactionInfo? Transaction,
    string? ConsumptionRequestReason,
    Guid? ConsumptionRequestId,
    RefundOutcome? Outcome,
    string Effect,
    string PayloadJson);
