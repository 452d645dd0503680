using System.Text.Json.Serialization;

namespace RefundSaver.Domain.Consumption;

/// <summary>
/// Apple's <c>ConsumptionRequest</c>, the body of <c>PUT /inApps/v2/transactions/consumption/{transactionId}</c>.
/// <c>consumptionPercentage</c> (0–100000 thousandths of a percent) is left out for auto-renewable subscriptions
/// and must be 0 when <c>deliveryStatus</c> is not <c>DELIVERED</c>; <c>refundPreference</c> (<c>DECLINE</c>,
/// <c>GRANT_FULL</c>, <c>GRANT_PRORATED</c>) is left out for no preference. Build it with
/// <see cref="ConsumptionBodies.BuildV2"/>.
/// </summary>
public sealed record ConsumptionV2Body(
    [property: JsonPropertyName("customerConsented")] bool CustomerConsented,
    [property: JsonPropertyName("deliveryStatus")] string DeliveryStatus,
    [property: JsonPropertyName("sampleContentProvided")] bool SampleContentProvided,
    [property: JsonPropertyName("consumptionPercentage")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    int? ConsumptionPercentage,
    [property: JsonPropertyName("refundPreference")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    string? RefundPreference);
