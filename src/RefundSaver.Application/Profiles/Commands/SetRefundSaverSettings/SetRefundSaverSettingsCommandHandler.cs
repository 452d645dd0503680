using Mediator;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.Application.Profiles.Commands.SetRefundSaverSettings;

internal sealed class SetRefundSaverSettingsCommandHandler(IRefundSaverSettingsStore store, TimeProvider clock)
    : IRequestHandler<SetRefundSaverSettingsCommand, Result<ProfileSettingsDto>>
{
    public async ValueTask<Result<ProfileSettingsDto>> Handle(
        SetRefundSaverSettingsCommand request, CancellationToken cancellationToken)
    {
        var preference = request.CustomPreference.Map(name =>
            CustomPreferenceNames.TryParse(name, out var parsed) ? parsed : (CustomPreference?)null);
        var settings = await store.ChangeAsync(
            request.AppId, request.Selector, request.Consent, preference, clock.GetUtcNow(), cancellationToken);
        return settings is null ? ProfileErrors.NotFound : settings;
    }
}
