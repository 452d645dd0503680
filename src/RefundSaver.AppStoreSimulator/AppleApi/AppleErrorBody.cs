using System.Text.Json.Serialization;

namespace RefundSaver.AppStoreSimulator.AppleApi;

/// <summary>Apple's error body: <c>{"errorCode":4040010,"errorMessage":"…"}</c>.</summary>
public sealed record AppleErrorBody(
    [property: JsonPropertyName("errorCode")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    long? ErrorCode,
    [property: JsonPropertyName("errorMessage")] string ErrorMessage);
