using FluentValidation;
using RefundSaver.Domain.Common;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.Application.Profiles;

internal sealed class ProfileDetailsValidator : AbstractValidator<ProfileDetails>
{
    public ProfileDetailsValidator()
    {
        RuleForText(details => details.Email, "email", 254)
            .EmailAddress().When(details => details.Email.GetValueOr(null) is not null);
        RuleForText(details => details.PhoneNumber, "phone_number", 32);
        RuleForText(details => details.FirstName, "first_name", 100);
        RuleForText(details => details.LastName, "last_name", 100);
    }

    private IRuleBuilderOptions<ProfileDetails, string?> RuleForText(
        Func<ProfileDetails, Optional<string?>> field, string name, int maximumLength) =>
        RuleFor(details => field(details).GetValueOr(null))
            .MaximumLength(maximumLength)
            .OverridePropertyName(name);
}
