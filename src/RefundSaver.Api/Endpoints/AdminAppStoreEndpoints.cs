using Microsoft.AspNetCore.Http.HttpResults;
using RefundSaver.Api.Errors;
using RefundSaver.Application.AppStore.ConsumptionRequests;
using RefundSaver.Application.AppStore.ConsumptionRequests.Queries.ListConsumptionRequests;
using RefundSaver.Application.AppStore.Notifications;
using RefundSaver.Application.AppStore.Notifications.Queries.ListNotifications;
using RefundSaver.Application.Common.Messaging;
using RefundSaver.Application.Common.Paging;

namespace RefundSaver.Api.Endpoints;

/// <summary>The operator's view of what Apple sent an app, and of the refund requests it asked us to answer.</summary>
public static class AdminAppStoreEndpoints
{
    public static IEndpointRouteBuilder MapAdminAppStoreApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(AdminAppsEndpoints.Path + "/{appId:guid}")
            .RequireAuthorization(AuthorizationPolicies.Admin).WithTags("Admin: App Store");
        group.MapGet("notifications", ListNotifications).WithName("ListNotifications");
        group.MapGet("consumption-requests", ListConsumptionRequests).WithName("ListConsumptionRequests");
        return routes;
    }

    private static async Task<Results<Ok<Page<NotificationDto>>, JsonHttpResult<ErrorBody>>> ListNotifications(
        Guid appId, string? type, HttpContext context, ISender sender, CancellationToken cancellationToken)
    {
        var page = PagingQuery.Read(context.Request);
        if (!page.IsSuccess)
        {
            return page.Error.ToResult(context);
        }

        var result = await sender.Send(new ListNotificationsQuery(appId, type, page.Value), cancellationToken);
        return result.ToOkOrError(context);
    }

    private static async Task<Results<Ok<Page<ConsumptionRequestDto>>, JsonHttpResult<ErrorBody>>> ListConsumptionRequests(
        Guid appId, string? state, HttpContext context, ISender sender, CancellationToken cancellationToken)
    {
        var page = PagingQuery.Read(context.Request);
        if (!page.IsSuccess)
        {
            return page.Error.ToResult(context);
        }

        var result = await sender.Send(new ListConsumptionRequestsQuery(appId, state, page.Value), cancellationToken);
        return result.ToOkOrError(context);
    }
}
