using Mediator;
using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.Apps;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Paging;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.AppStore.Notifications.Queries.ListNotifications;

internal sealed class ListNotificationsQueryHandler(IApplicationDbContext db)
    : IRequestHandler<ListNotificationsQuery, Result<Page<NotificationDto>>>
{
    public async ValueTask<Result<Page<NotificationDto>>> Handle(ListNotificationsQuery request, CancellationToken cancellationToken)
    {
        if (!await db.Apps.AnyAsync(app => app.Id == request.AppId, cancellationToken))
        {
            return AppErrors.AppNotFound;
        }

        var notifications = db.Notifications.AsNoTracking().Where(notification => notification.AppId == request.AppId);
        if (request.Type is { } type)
        {
            notifications = notifications.Where(notification => notification.NotificationType == type);
        }

        return await notifications
            .OrderByDescending(notification => notification.ReceivedAt).ThenByDescending(notification => notification.Id)
            .ToPageAsync(request.Page, NotificationDto.From, cancellationToken);
    }
}
