using FluentValidation;
using RefundSaver.Domain.Consumption;

namespace RefundSaver.Application.Profiles.Commands.ReportUsage;

internal sealed class ReportUsageCommandValidator : AbstractValidator<ReportUsageCommand>
{
    /// <summary>Ten years of 365.25 days: far beyond Apple's top bucket (over 16 days), and no overflow anywhere.</summary>
    public const long MaxPlayTimeSeconds = 315_576_000;

    public ReportUsageCommandValidator()
    {
        Include(new ProfileSelectorValidator<ReportUsageCommand>());
        When(command => command.PlayTimeSeconds is { HasValue: true, Value: not null }, () =>
            RuleFor(command => command.PlayTimeSeconds.Value)
                .InclusiveBetween(0, MaxPlayTimeSeconds)
                .WithMessage($"Play time is a whole number of seconds from 0 to {MaxPlayTimeSeconds} (10 years), or null."));
        When(command => command.AccountStatus is { HasValue: true, Value: not null }, () =>
            RuleFor(command => command.AccountStatus.Value)
                .Must(value => UserStatusNames.TryParse(value, out _))
                .WithMessage(command =>
                    $"\"{command.AccountStatus.Value}\" is not a valid choice. Valid choices: {string.Join(", ", UserStatusNames.All)}, or null."));
    }
}
