using FluentValidation;

namespace RefundSaver.Application.Profiles.Commands.LinkTransaction;

internal sealed class LinkTransactionCommandValidator : AbstractValidator<LinkTransactionCommand>
{
    public LinkTransactionCommandValidator()
    {
        Include(new ProfileSelectorValidator<LinkTransactionCommand>());
        RuleFor(command => command.OriginalTransactionId)
            .NotEmpty().WithMessage("This field is required.")
            .MaximumLength(64)
            .Matches(@"^[0-9A-Za-z-]+\z").WithMessage("An App Store transaction id holds only digits and letters.");
    }
}
