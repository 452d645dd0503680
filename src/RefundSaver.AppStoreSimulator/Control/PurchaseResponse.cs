namespace RefundSaver.AppStoreSimulator.Control;

/// <summary>The purchase made, and the notification sent for it.</summary>
public sealed record PurchaseResponse(
    string TransactionId,
    string OriginalTransactionId,
    string BundleId,
    string Environment,
    string ProductId,
    string Type,
    long Price,
    string Currency,
    string Storefront,
    long PurchaseDate,
    long? ExpiresDate,
    string? AppAccountToken,
    string NotificationUuid,
    string NotificationType,
    string? Subtype);
