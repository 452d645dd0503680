using FluentValidation;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.Application.Profiles;

internal sealed class ProfileDetailsValidator : AbstractValidator<ProfileDetails>
{
    public ProfileDetailsValidator()
    {
        When(details => details.Email is { HasValue: true, Value: not null }, () =>
            RuleFor(details => details.Email.Value).MaximumLength(254).EmailAddress());
        When(details => details.PhoneNumber is { HasValue: true, Value: not null }, () =>
            RuleFor(details => details.PhoneNumber.Value).MaximumLength(32));
        When(details => details.FirstName is { HasValue: true, Value: not null }, () =>
            RuleFor(details => details.FirstName.Value).MaximumLength(100));
        When(details => details.LastName is { HasValue: true, Value: not null }, () =>
            RuleFor(details => details.LastName.Value).MaximumLength(100));
    }
}
