using Mediator;
using RefundSaver.Application.Common.Paging;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.AppStore.Notifications.Queries.ListNotifications;

/// <summary>An app's stored notifications, newest first, optionally of one type.</summary>
public sealed record ListNotificationsQuery(Guid AppId, string? Type, PageRequest Page)
    : IRequest<Result<Page<NotificationDto>>>;
