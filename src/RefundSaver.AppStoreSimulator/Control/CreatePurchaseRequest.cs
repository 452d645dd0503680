namespace RefundSaver.AppStoreSimulator.Control;

/// <summary>
/// <c>POST /simulator/apps/{bundleId}/purchases</c>: a customer buys something. Prices are milliunits
/// of <see cref="Currency"/>; dates are milliseconds since the epoch.
/// </summary>
public sealed record CreatePurchaseRequest(
    string? ProductId,
    string? Type,
    long? Price,
    string? Currency,
    string? Storefront,
    string? AppAccountToken,
    int? OfferType,
    string? OfferDiscountType,
    long? PurchaseDate,
    long? ExpiresDate,
    string? Environment,
    bool? FamilyShared);
