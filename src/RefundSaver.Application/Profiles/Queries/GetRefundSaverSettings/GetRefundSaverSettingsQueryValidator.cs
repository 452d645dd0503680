using FluentValidation;

namespace RefundSaver.Application.Profiles.Queries.GetRefundSaverSettings;

internal sealed class GetRefundSaverSettingsQueryValidator : AbstractValidator<GetRefundSaverSettingsQuery>
{
    public GetRefundSaverSettingsQueryValidator() => Include(new ProfileSelectorValidator<GetRefundSaverSettingsQuery>());
}
