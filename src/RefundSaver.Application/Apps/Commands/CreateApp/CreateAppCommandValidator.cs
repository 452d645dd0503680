using FluentValidation;

namespace RefundSaver.Application.Apps.Commands.CreateApp;

internal sealed class CreateAppCommandValidator : AbstractValidator<CreateAppCommand>
{
    public CreateAppCommandValidator()
    {
        RuleFor(command => command.Name)
            .NotEmpty().WithMessage("This field is required.")
            .MaximumLength(200);
        RuleFor(command => command.BundleId)
            .NotEmpty().WithMessage("This field is required.")
            .MaximumLength(155)
            .Matches("^[A-Za-z0-9.-]+$").WithMessage("A bundle id holds only letters, digits, dots and hyphens.");
    }
}
