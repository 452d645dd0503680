using System.Text.Json;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.AppStore.ConsumptionRequests;

/// <summary>A request's whole story: its state, the body computed for Apple, and every attempt.</summary>
public sealed record ConsumptionRequestDetailDto(
    ConsumptionRequestDto Request,
    JsonElement? Body,
    IReadOnlyList<ConsumptionAttemptDto> AttemptLog)
{
    public static ConsumptionRequestDetailDto From(ConsumptionRequest request, IEnumerable<ConsumptionAttempt> attempts) => new(
        ConsumptionRequestDto.From(request),
        request.Body is null ? null : JsonSerializer.Deserialize<JsonElement>(request.Body),
        attempts.Select(ConsumptionAttemptDto.From).ToList());
}
