namespace RefundSaver.AppStoreSimulator.Control;

/// <summary>The refund request opened, and the CONSUMPTION_REQUEST notification sent for it.</summary>
public sealed record RefundRequestedResponse(string TransactionId, string Reason, string NotificationUuid);
