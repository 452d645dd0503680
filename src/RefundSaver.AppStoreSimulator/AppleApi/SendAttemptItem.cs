using System.Text.Json.Serialization;

namespace RefundSaver.AppStoreSimulator.AppleApi;

/// <summary>One delivery attempt as Apple reports it: when (ms since the epoch) and the result's name.</summary>
public sealed record SendAttemptItem(
    [property: JsonPropertyName("attemptDate")] long AttemptDate,
    [property: JsonPropertyName("sendAttemptResult")] string SendAttemptResult);
