namespace RefundSaver.AppStoreSimulator.Control;

/// <summary>The decision taken, and the REFUND or REFUND_DECLINED notification sent for it.</summary>
public sealed record DecisionResponse(string TransactionId, string Outcome, string NotificationType, string NotificationUuid);
