using RefundSaver.Domain.Profiles;

namespace RefundSaver.Application.Profiles;

/// <summary>
/// Adapty's profile object, where it applies; revenue comes from the purchase ledger (see <see cref="ProfileRevenue"/>).
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
    public static ProfileDto From(Profile profile, DateTimeOffset now, decimal totalRevenueUsd) => new(
        profile.AppId,
        profile.Id,
        profile.CustomerUserId,
        totalRevenueUsd,
        now.ToUnixTimeMilliseconds(),
        profile.Email,
        profile.PhoneNumber,
        profile.FirstName,
        profile.LastName,
        profile.AppAccountToken ?? profile.Id,
        RefundSaverSettingsDto.From(profile));
}
