using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using RefundSaver.Api.Errors;
using RefundSaver.Api.Json;
using RefundSaver.Api.OpenApi;
using RefundSaver.Application.Apps;
using RefundSaver.Application.Apps.Commands.RequestTestNotification;
using RefundSaver.Application.Apps.Queries.GetTestNotificationStatus;
using RefundSaver.Application.AppStore.ConsumptionRequests.Commands.ReviewConsumptionRequest;
using RefundSaver.Application.AppStore.ConsumptionRequests.Queries.GetConsumptionRequest;
using RefundSaver.Application.AppStore.ConsumptionRequests;
using RefundSaver.Application.AppStore.ConsumptionRequests.Queries.ListConsumptionRequests;
using RefundSaver.Application.AppStore.Notifications;
using RefundSaver.Application.AppStore.Notifications.Queries.ListNotifications;
using RefundSaver.Application.Common.Paging;

namespace RefundSaver.Api.Endpoints;

/// <summary>The operator's view of what Apple sent an app, and of the refund requests it asked us to answer.</summary>
public static class AdminAppStoreEndpoints
{
    public static IEndpointRouteBuilder MapAdminAppStoreApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapAdminGroup(AdminAppsEndpoints.Path + "/{appId:guid}", "Admin: App Store");
        group.MapGet("notifications", ListNotifications).WithName("ListNotifications").WithPaging()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapGet("consumption-requests", ListConsumptionRequests).WithName("ListConsumptionRequests").WithPaging()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapGet("consumption-requests/{requestId:guid}", GetConsumptionRequest).WithName("GetConsumptionRequest")
            .ProducesErrors(StatusCodes.Status404NotFound);
        group.MapPatch("consumption-requests/{requestId:guid}", ReviewConsumptionRequest).WithName("ReviewConsumptionRequest")
            .AcceptsJson<ReviewConsumptionRequestRequest>()
            .ProducesErrors(
                StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge);
        // Apple's refusals, and an app without usable App Store credentials, are 422s for the operator to act on.
        group.MapPost("test-notification", RequestTestNotification).WithName("RequestTestNotification")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("test-notification/{token}", GetTestNotificationStatus).WithName("GetTestNotificationStatus")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        return routes;
    }

    private static async Task<Results<Ok<ConsumptionRequestDetailDto>, JsonHttpResult<ErrorBody>>> GetConsumptionRequest(
        Guid appId, Guid requestId, HttpContext context, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new GetConsumptionRequestQuery(appId, requestId), cancellationToken)).ToOkOrError(context);

    private static async Task<Results<Ok<ConsumptionRequestDto>, JsonHttpResult<ErrorBody>>> ReviewConsumptionRequest(
        Guid appId, Guid requestId, HttpContext context, ISender sender, CancellationToken cancellationToken)
    {
        var command = await JsonRequestBody.ReadAsync(
            context.Request,
            (ReviewConsumptionRequestRequest body, FieldErrors fields) => new ReviewConsumptionRequestCommand(
                appId, requestId, fields.Check(body.Preference), fields.Check(body.SendNow).GetValueOr(null) ?? false),
            cancellationToken);
        return command.IsSuccess
            ? (await sender.Send(command.Value, cancellationToken)).ToOkOrError(context)
            : command.Error.ToResult(context);
    }

    private static async Task<Results<Ok<TestNotificationDto>, JsonHttpResult<ErrorBody>>> RequestTestNotification(
        Guid appId, string? environment, HttpContext context, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new RequestTestNotificationCommand(appId, environment), cancellationToken)).ToOkOrError(context);

    private static async Task<Results<Ok<TestNotificationDto>, JsonHttpResult<ErrorBody>>> GetTestNotificationStatus(
        Guid appId, string token, string? environment, HttpContext context, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new GetTestNotificationStatusQuery(appId, token, environment), cancellationToken)).ToOkOrError(context);

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
