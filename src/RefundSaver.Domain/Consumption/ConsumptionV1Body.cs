using System.Text.Json.Serialization;

namespace RefundSaver.Domain.Consumption;

/// <summary>
/// Apple's <c>ConsumptionRequestV1</c>, the body of <c>PUT /inApps/v1/transactions/consumption/{transactionId}</c>.
/// Every field is sent; 0 means undeclared. Apple rejects a body whose <c>customerConsented</c> is not true.
/// Build it with <see cref="ConsumptionBodies.BuildV1"/>.
/// </summary>
public sealed record ConsumptionV1Body(
    [property: JsonPropertyName("customerConsented")] bool CustomerConsented,
    [property: JsonPropertyName("consumptionStatus")] int ConsumptionStatus,
    [property: JsonPropertyName("platform")] int Platform,
    [property: JsonPropertyName("sampleContentProvided")] bool SampleContentProvided,
    [property: JsonPropertyName("deliveryStatus")] int DeliveryStatus,
    [property: JsonPropertyName("appAccountToken")] string AppAccountToken,
    [property: JsonPropertyName("accountTenure")] int AccountTenure,
    [property: JsonPropertyName("playTime")] int PlayTime,
    [property: JsonPropertyName("lifetimeDollarsPurchased")] int LifetimeDollarsPurchased,
    [property: JsonPropertyName("lifetimeDollarsRefunded")] int LifetimeDollarsRefunded,
    [property: JsonPropertyName("userStatus")] int UserStatus,
    [property: JsonPropertyName("refundPreference")] int RefundPreference);
