namespace RefundSaver.AppStoreSimulator.Model;

/// <summary>What a purchase is made of, before it gets its identifiers.</summary>
public sealed record PurchaseDetails(
    string ProductId,
    ProductType Type,
    long Price,
    string Currency,
    string Storefront,
    Guid? AppAccountToken,
    int? OfferType,
    string? OfferDiscountType,
    DateTimeOffset PurchaseDate,
    DateTimeOffset? ExpiresDate,
    AppStoreEnvironment Environment,
    bool FamilyShared);
