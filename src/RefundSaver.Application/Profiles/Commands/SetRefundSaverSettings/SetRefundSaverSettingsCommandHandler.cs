using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Messaging;
using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.Application.Profiles.Commands.SetRefundSaverSettings;

internal sealed class SetRefundSaverSettingsCommandHandler(IApplicationDbContext db, TimeProvider clock)
    : IRequestHandler<SetRefundSaverSettingsCommand, Result<ProfileSettingsDto>>
{
    public async Task<Result<ProfileSettingsDto>> Handle(
        SetRefundSaverSettingsCommand request, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.FindBySelectorAsync(request.AppId, request.Selector, cancellationToken);
        if (profile is null)
        {
            return ProfileErrors.NotFound;
        }

        var preference = request.CustomPreference.Map(name =>
            CustomPreferenceNames.TryParse(name, out var parsed) ? parsed : (CustomPreference?)null);
        profile.ChangeRefundSaverSettings(request.Consent, preference, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new ProfileSettingsDto(profile.Id, RefundSaverSettingsDto.From(profile));
    }
}
