using FluentValidation;

namespace RefundSaver.Application.Apps.Commands.CreateApiKey;

internal sealed class CreateApiKeyCommandValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyCommandValidator() =>
        RuleFor(command => command.Name).MaximumLength(100);
}
