namespace RefundSaver.Application.AppStore.Dispatching;

/// <summary>One purchase of the customer's ledger, as the consumption fields read it.</summary>
public sealed record CustomerPurchase(
    long? Price,
    string? Currency,
    DateTimeOffset? PurchaseDate,
    bool Refunded,
    int? OfferType,
    string? OfferDiscountType);
