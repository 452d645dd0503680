using System.Text.Json.Serialization;

namespace RefundSaver.AppStoreSimulator.Notifications.Payloads;

/// <summary>Apple's notification <c>data</c>. <c>appAppleId</c> is there in Production only, as Apple sends it.</summary>
public sealed record NotificationData
{
    [JsonPropertyName("appAppleId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? AppAppleId { get; init; }

    [JsonPropertyName("bundleId")]
    public required string BundleId { get; init; }

    [JsonPropertyName("bundleVersion")]
    public required string BundleVersion { get; init; }

    [JsonPropertyName("environment")]
    public required string Environment { get; init; }

    [JsonPropertyName("signedTransactionInfo")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SignedTransactionInfo { get; init; }

    [JsonPropertyName("signedRenewalInfo")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SignedRenewalInfo { get; init; }

    [JsonPropertyName("status")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Status { get; init; }

    [JsonPropertyName("consumptionRequestReason")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ConsumptionRequestReason { get; init; }
}
