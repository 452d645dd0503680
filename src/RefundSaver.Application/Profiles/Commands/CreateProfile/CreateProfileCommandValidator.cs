using FluentValidation;

namespace RefundSaver.Application.Profiles.Commands.CreateProfile;

internal sealed class CreateProfileCommandValidator : AbstractValidator<CreateProfileCommand>
{
    public CreateProfileCommandValidator()
    {
        Include(new ProfileSelectorValidator<CreateProfileCommand>());
        RuleFor(command => command.Details).SetValidator(new ProfileDetailsValidator()).OverridePropertyName(string.Empty);
    }
}
