using RefundSaver.Domain.Profiles;

namespace RefundSaver.Application.Profiles;

/// <summary>
/// Adapty's profile object, where it applies. Revenue comes from the purchase ledger, which
/// profiles do not have yet, so it is 0 until purchases are recorded.
/// </summary>
public sealed record ProfileDto(
    Guid AppId,
    Guid ProfileId,
    string? CustomerUserId,
    decimal TotalRevenueUsd,
    long Timestamp,
    string? Email,
    string? PhoneNumber,
    string? FirstName,
    string? LastName,
    Guid AppAccountToken,
    RefundSaverSettingsDto RefundSaverSettings)
{
    public static ProfileDto From(Profile profile, DateTimeOffset now) => new(
        profile.AppId,
        profile.Id,
        profile.CustomerUserId,
        0m,
        now.ToUnixTimeMilliseconds(),
        profile.Email,
        profile.PhoneNumber,
        profile.FirstName,
        profile.LastName,
        profile.AppAccountToken ?? profile.Id,
        RefundSaverSettingsDto.From(profile));
}
