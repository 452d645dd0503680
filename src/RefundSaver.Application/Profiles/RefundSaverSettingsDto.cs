using RefundSaver.Domain.Profiles;

namespace RefundSaver.Application.Profiles;

public sealed record RefundSaverSettingsDto(bool? Consent, string? CustomPreference)
{
    public static RefundSaverSettingsDto From(Profile profile) =>
        new(profile.Consent, profile.CustomPreference?.ToName());
}
