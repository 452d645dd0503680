using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.AppStore.ConsumptionRequests;

public sealed record ConsumptionRequestDto(
    Guid Id,
    Guid NotificationId,
    string TransactionId,
    string? OriginalTransactionId,
    Guid? ProfileId,
    string Environment,
    string? Reason,
    string State,
    DateTimeOffset RequestedAt,
    DateTimeOffset Deadline,
    string? Outcome,
    DateTimeOffset? OutcomeAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset DueAt,
    int Attempts,
    string? ManualPreference,
    string? Preference,
    string? PreferenceSource,
    string? ApiVersion,
    string? StateReason,
    DateTimeOffset? AnsweredAt)
{
    public static ConsumptionRequestDto From(ConsumptionRequest request) => new(
        request.Id,
        request.NotificationId,
        request.TransactionId,
        request.OriginalTransactionId,
        request.ProfileId,
        request.Environment.ToName(),
        request.Reason,
        request.State.ToString().ToLowerInvariant(),
        request.RequestedAt,
        request.Deadline,
        request.Outcome?.ToString().ToLowerInvariant(),
        request.OutcomeAt,
        request.CreatedAt,
        request.DueAt,
        request.Attempts,
        request.ManualPreference,
        request.Preference,
        request.PreferenceSource,
        request.ApiVersion,
        request.StateReason,
        request.AnsweredAt);
}
