using FluentValidation;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.Apps.Queries.GetTestNotificationStatus;

internal sealed class GetTestNotificationStatusQueryValidator : AbstractValidator<GetTestNotificationStatusQuery>
{
    public GetTestNotificationStatusQueryValidator()
    {
        RuleFor(query => query.Token).NotEmpty().MaximumLength(200).Matches("^[A-Za-z0-9_.-]+$")
            .WithMessage("Not a test notification token.");
        RuleFor(query => query.Environment)
            .Must(name => name is null || AppStoreEnvironmentNames.TryParse(name, out _))
            .WithMessage("Sandbox or Production.");
    }
}
