namespace RefundSaver.AppStoreSimulator.Control;

/// <summary>A notification sent (or to be sent), with every delivery attempt.</summary>
public sealed record NotificationResponse(
    string NotificationUuid,
    string BundleId,
    string Environment,
    string NotificationType,
    string? Subtype,
    string? TransactionId,
    DateTimeOffset CreatedAt,
    string Status,
    string? Url,
    DateTimeOffset? NextAttemptAt,
    IReadOnlyList<DeliveryAttemptResponse> Attempts,
    string SignedPayload);
