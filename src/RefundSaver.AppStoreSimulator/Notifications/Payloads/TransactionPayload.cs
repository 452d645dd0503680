using System.Text.Json.Serialization;

namespace RefundSaver.AppStoreSimulator.Notifications.Payloads;

/// <summary>Apple's JWSTransactionDecodedPayload: what <c>signedTransactionInfo</c> carries. Absent values are left out.</summary>
public sealed record TransactionPayload
{
    [JsonPropertyName("transactionId")]
    public required string TransactionId { get; init; }

    [JsonPropertyName("originalTransactionId")]
    public required string OriginalTransactionId { get; init; }

    [JsonPropertyName("bundleId")]
    public required string BundleId { get; init; }

    [JsonPropertyName("productId")]
    public required string ProductId { get; init; }

    [JsonPropertyName("purchaseDate")]
    public required long PurchaseDate { get; init; }

    [JsonPropertyName("originalPurchaseDate")]
    public required long OriginalPurchaseDate { get; init; }

    [JsonPropertyName("expiresDate")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? ExpiresDate { get; init; }

    [JsonPropertyName("quantity")]
    public int Quantity { get; init; } = 1;

    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("appAccountToken")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AppAccountToken { get; init; }

    [JsonPropertyName("inAppOwnershipType")]
    public required string InAppOwnershipType { get; init; }

    [JsonPropertyName("signedDate")]
    public required long SignedDate { get; init; }

    [JsonPropertyName("revocationReason")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? RevocationReason { get; init; }

    [JsonPropertyName("revocationDate")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? RevocationDate { get; init; }

    [JsonPropertyName("revocationType")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RevocationType { get; init; }

    [JsonPropertyName("revocationPercentage")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? RevocationPercentage { get; init; }

    [JsonPropertyName("offerType")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? OfferType { get; init; }

    [JsonPropertyName("offerDiscountType")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OfferDiscountType { get; init; }

    [JsonPropertyName("environment")]
    public required string Environment { get; init; }

    [JsonPropertyName("transactionReason")]
    public required string TransactionReason { get; init; }

    [JsonPropertyName("storefront")]
    public required string Storefront { get; init; }

    [JsonPropertyName("price")]
    public required long Price { get; init; }

    [JsonPropertyName("currency")]
    public required string Currency { get; init; }
}
