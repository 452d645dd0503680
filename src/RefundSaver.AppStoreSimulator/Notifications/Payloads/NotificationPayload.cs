using System.Text.Json.Serialization;

namespace RefundSaver.AppStoreSimulator.Notifications.Payloads;

/// <summary>Apple's ResponseBodyV2DecodedPayload: what a notification's <c>signedPayload</c> carries.</summary>
public sealed record NotificationPayload
{
    [JsonPropertyName("notificationType")]
    public required string NotificationType { get; init; }

    [JsonPropertyName("subtype")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Subtype { get; init; }

    [JsonPropertyName("notificationUUID")]
    public required string NotificationUuid { get; init; }

    [JsonPropertyName("data")]
    public required NotificationData Data { get; init; }

    [JsonPropertyName("version")]
    public string Version { get; init; } = "2.0";

    [JsonPropertyName("signedDate")]
    public required long SignedDate { get; init; }
}
