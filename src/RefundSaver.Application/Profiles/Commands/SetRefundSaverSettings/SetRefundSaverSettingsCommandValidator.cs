using FluentValidation;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.Application.Profiles.Commands.SetRefundSaverSettings;

internal sealed class SetRefundSaverSettingsCommandValidator : AbstractValidator<SetRefundSaverSettingsCommand>
{
    public SetRefundSaverSettingsCommandValidator()
    {
        Include(new ProfileSelectorValidator<SetRefundSaverSettingsCommand>());
        RuleFor(command => command.CustomPreference.GetValueOr(null))
            .Must(value => CustomPreferenceNames.TryParse(value, out _))
            .When(command => command.CustomPreference.GetValueOr(null) is not null)
            .WithMessage(command =>
                $"\"{command.CustomPreference.Value}\" is not a valid choice. Valid choices: {string.Join(", ", CustomPreferenceNames.All)}, or null.")
            .OverridePropertyName("custom_preference");
    }
}
