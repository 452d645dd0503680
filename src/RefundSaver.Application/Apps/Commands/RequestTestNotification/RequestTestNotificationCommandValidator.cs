using FluentValidation;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.Apps.Commands.RequestTestNotification;

internal sealed class RequestTestNotificationCommandValidator : AbstractValidator<RequestTestNotificationCommand>
{
    public RequestTestNotificationCommandValidator() =>
        RuleFor(command => command.Environment)
            .Must(name => name is null || AppStoreEnvironmentNames.TryParse(name, out _))
            .WithMessage("Sandbox or Production (default: Production if the app accepts it, else Sandbox).");
}
