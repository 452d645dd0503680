using System.Text.Json.Serialization;
using RefundSaver.Api.Json;

namespace RefundSaver.Api.Endpoints;

/// <summary>What Apple posts: <c>{"signedPayload": "&lt;JWS&gt;"}</c>, in Apple's camelCase.</summary>
public sealed record AppStoreNotificationRequest
{
    [JsonPropertyName("signedPayload")]
    public RequestField<string?> SignedPayload { get; init; }
}
