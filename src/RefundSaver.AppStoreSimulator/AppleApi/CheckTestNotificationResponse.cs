using System.Text.Json.Serialization;

namespace RefundSaver.AppStoreSimulator.AppleApi;

/// <summary>Apple's answer to Get Test Notification Status: the TEST notification and its send attempts.</summary>
public sealed record CheckTestNotificationResponse(
    [property: JsonPropertyName("signedPayload")] string SignedPayload,
    [property: JsonPropertyName("sendAttempts")] IReadOnlyList<SendAttemptItem> SendAttempts);
