namespace RefundSaver.AppStoreSimulator.Control;

/// <summary>A transaction as the simulator holds it (dates in milliseconds since the epoch, as Apple's).</summary>
public sealed record TransactionResponse(
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
    int? OfferType,
    string? OfferDiscountType,
    bool FamilyShared,
    string RefundState,
    string? RefundReason,
    long? RevocationDate,
    int? RevocationReason,
    string? RevocationType,
    int? RevocationPercentage,
    string SignedTransactionInfo);
