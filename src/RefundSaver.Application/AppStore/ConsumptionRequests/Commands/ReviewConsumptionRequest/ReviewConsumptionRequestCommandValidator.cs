using FluentValidation;
using RefundSaver.Domain.Consumption;

namespace RefundSaver.Application.AppStore.ConsumptionRequests.Commands.ReviewConsumptionRequest;

internal sealed class ReviewConsumptionRequestCommandValidator : AbstractValidator<ReviewConsumptionRequestCommand>
{
    public ReviewConsumptionRequestCommandValidator()
    {
        When(command => command.Preference is { HasValue: true, Value: not null }, () => RuleFor(command => command.Preference.Value)
            .Must(name => RefundPreferenceNames.TryParse(name, out _))
            .WithMessage($"Must be one of: {string.Join(", ", RefundPreferenceNames.All)}, or null."));
        RuleFor(command => command)
            .Must(command => command.Preference.HasValue || command.SendNow)
            .WithMessage("Give a preference, send_now: true, or both.");
    }
}
