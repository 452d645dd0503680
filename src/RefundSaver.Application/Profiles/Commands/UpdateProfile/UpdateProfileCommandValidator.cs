using FluentValidation;

namespace RefundSaver.Application.Profiles.Commands.UpdateProfile;

internal sealed class UpdateProfileCommandValidator : AbstractValidator<UpdateProfileCommand>
{
    public UpdateProfileCommandValidator()
    {
        Include(new ProfileSelectorValidator<UpdateProfileCommand>());
        RuleFor(command => command.Details).SetValidator(new ProfileDetailsValidator()).OverridePropertyName(string.Empty);
    }
}
