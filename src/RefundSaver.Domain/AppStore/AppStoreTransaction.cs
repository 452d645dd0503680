namespace RefundSaver.Domain.AppStore;

/// <summary>
/// The ledger: one row per App Store transaction, upserted from every notification that carries it.
/// For each field the value of the latest signed notification wins, so late arrivals lose nothing.
/// </summary>
public sealed class AppStoreTransaction
{
    private AppStoreTransaction()
    {
    }

    public Guid AppId { get; private set; }

    public string TransactionId { get; private set; } = string.Empty;

    public string OriginalTransactionId { get; private set; } = string.Empty;

    public Guid? ProfileId { get; private set; }

    public string? ProductId { get; private set; }

    public string? Type { get; private set; }

    /// <summary>Milliunits of <see cref="Currency"/>.</summary>
    public long? Price { get; private set; }

    public string? Currency { get; private set; }

    public DateTimeOffset? PurchaseDate { get; private set; }

    public DateTimeOffset? ExpiresDate { get; private set; }

    public DateTimeOffset? RevocationDate { get; private set; }

    public int? RevocationReason { get; private set; }

    public string? RevocationType { get; private set; }

    public Guid? AppAccountToken { get; private set; }

    public string? Storefront { get; private set; }

    public int? OfferType { get; private set; }

    public string? OfferDiscountType { get; private set; }

    public AppStoreEnvironment Environment { get; private set; }

    /// <summary>The signing time of the newest notification applied to this row.</summary>
    public DateTimeOffset SignedDate { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>
    /// Its customer's profile was deleted: the token is gone from the row, and nothing about this
    /// purchase is sent to Apple (the customer is not asked again, nor taken for consenting).
    /// </summary>
    public bool CustomerErased { get; private set; }
}
