using RefundSaver.Domain.Consumption;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.Application.Profiles;

/// <summary>What the backend reported of a customer's use of the app; null where nothing (or null) was reported.</summary>
public sealed record UsageDto(long? PlayTimeSeconds, string? AccountStatus)
{
    public static UsageDto From(Profile profile) => new(profile.PlayTimeSeconds, profile.AccountStatus?.ToWire());
}
