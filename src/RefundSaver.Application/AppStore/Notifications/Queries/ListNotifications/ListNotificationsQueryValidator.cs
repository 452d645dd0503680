using FluentValidation;
using RefundSaver.Application.Common.Paging;

namespace RefundSaver.Application.AppStore.Notifications.Queries.ListNotifications;

internal sealed class ListNotificationsQueryValidator : AbstractValidator<ListNotificationsQuery>
{
    public ListNotificationsQueryValidator()
    {
        RuleFor(query => query.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
        RuleFor(query => query.Type).MaximumLength(64);
    }
}
