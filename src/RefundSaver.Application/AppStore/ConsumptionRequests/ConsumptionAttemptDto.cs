using System.Text.Json;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.AppStore.ConsumptionRequests;

/// <summary>One call to Apple: what was sent and what Apple answered.</summary>
public sealed record ConsumptionAttemptDto(
    int Number,
    DateTimeOffset StartedAt,
    int ElapsedMs,
    string ApiVersion,
    string Result,
    int? StatusCode,
    long? ErrorCode,
    string? ErrorMessage,
    JsonElement Body)
{
    public static ConsumptionAttemptDto From(ConsumptionAttempt attempt) => new(
        attempt.Number,
        attempt.StartedAt,
        attempt.ElapsedMilliseconds,
        attempt.ApiVersion,
        attempt.Result,
        attempt.StatusCode,
        attempt.ErrorCode,
        attempt.ErrorMessage,
        JsonSerializer.Deserialize<JsonElement>(attempt.Body));
}
