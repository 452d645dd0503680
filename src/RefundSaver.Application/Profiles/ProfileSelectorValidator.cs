using FluentValidation;
using RefundSaver.Application.Common.Validation;

namespace RefundSaver.Application.Profiles;

/// <summary>The profile's name, well formed; included by the validator of every profile request.</summary>
internal sealed class ProfileSelectorValidator<TRequest> : AbstractValidator<TRequest>
    where TRequest : IProfileRequest
{
    public ProfileSelectorValidator()
    {
        RuleFor(request => request.Selector.CustomerUserId)
            .NotEmpty().WithMessage("The customer user id must not be empty.")
            .MaximumLength(255)
            // Half a surrogate pair or a U+0000 is no text PostgreSQL can store or compare: the caller's mistake, not our 500.
            .Must(StorableText.IsStorable).WithMessage("The customer user id must be valid Unicode text without null characters.")
            .When(request => request.Selector.CustomerUserId is not null);
        RuleFor(request => request.Selector.ProfileId)
            .Must(id => Guid.TryParse(id, out _)).WithMessage("The profile id must be a UUID.")
            .When(request => request.Selector.ProfileId is not null);
    }
}
