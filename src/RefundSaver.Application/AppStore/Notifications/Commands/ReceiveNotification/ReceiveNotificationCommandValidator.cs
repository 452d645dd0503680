using FluentValidation;

namespace RefundSaver.Application.AppStore.Notifications.Commands.ReceiveNotification;

internal sealed class ReceiveNotificationCommandValidator : AbstractValidator<ReceiveNotificationCommand>
{
    public ReceiveNotificationCommandValidator() =>
        RuleFor(command => command.SignedPayload)
            .NotEmpty().WithMessage("This field is required.");
}
