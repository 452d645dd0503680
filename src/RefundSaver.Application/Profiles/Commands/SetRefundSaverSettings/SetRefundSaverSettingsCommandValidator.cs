using FluentValidation;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.Application.Profiles.Commands.SetRefundSaverSettings;

internal sealed class SetRefundSaverSettingsCommandValidator : AbstractValidator<SetRefundSaverSettingsCommand>
{
    public SetRefundSaverSettingsCommandValidator()
    {
        Include(new ProfileSelectorValidator<SetRefundSaverSettingsCommand>());
        When(command => command.CustomPreference is { HasValue: true, Value: not null }, () =>
            RuleFor(command => command.CustomPreference.Value)
                .Must(value => CustomPreferenceNames.TryParse(value, out _))
                .WithMessage(command =>
                    $"\"{command.CustomPreference.Value}\" is not a valid choice. Valid choices: {string.Join(", ", CustomPreferenceNames.All)}, or null."));
    }
}
