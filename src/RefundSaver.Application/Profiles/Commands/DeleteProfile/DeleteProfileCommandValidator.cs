using FluentValidation;

namespace RefundSaver.Application.Profiles.Commands.DeleteProfile;

internal sealed class DeleteProfileCommandValidator : AbstractValidator<DeleteProfileCommand>
{
    public DeleteProfileCommandValidator() => Include(new ProfileSelectorValidator<DeleteProfileCommand>());
}
