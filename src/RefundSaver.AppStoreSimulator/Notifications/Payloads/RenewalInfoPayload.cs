using System.Text.Json.Serialization;

namespace RefundSaver.AppStoreSimulator.Notifications.Payloads;

/// <summary>Apple's JWSRenewalInfoDecodedPayload (<c>signedRenewalInfo</c>), for auto-renewable subscriptions.</summary>
public sealed record RenewalInfoPayload
{
    [JsonPropertyName("originalTransactionId")]
    public required string OriginalTransactionId { get; init; }

    [JsonPropertyName("autoRenewProductId")]
    public required string AutoRenewProductId { get; init; }

    [JsonPropertyName("productId")]
    public required string ProductId { get; init; }

    [JsonPropertyName("autoRenewStatus")]
    public required int AutoRenewStatus { get; init; }

    [JsonPropertyName("signedDate")]
    public required long SignedDate { get; init; }

    [JsonPropertyName("environment")]
    public required string Environment { get; init; }

    [JsonPropertyName("recentSubscriptionStartDate")]
    public required long RecentSubscriptionStartDate { get; init; }

    [JsonPropertyName("renewalDate")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? RenewalDate { get; init; }

    [JsonPropertyName("renewalPrice")]
    public required long RenewalPrice { get; init; }

    [JsonPropertyName("currency")]
    public required string Currency { get; init; }
}
