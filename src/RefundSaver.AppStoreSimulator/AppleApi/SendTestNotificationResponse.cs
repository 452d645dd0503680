using System.Text.Json.Serialization;

namespace RefundSaver.AppStoreSimulator.AppleApi;

/// <summary>Apple's answer to Request a Test Notification.</summary>
public sealed record SendTestNotificationResponse([property: JsonPropertyName("testNotificationToken")] string TestNotificationToken);
