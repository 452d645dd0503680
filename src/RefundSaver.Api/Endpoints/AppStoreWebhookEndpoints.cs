using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using RefundSaver.Api.Errors;
using RefundSaver.Api.Json;
using RefundSaver.Api.Metrics;
using RefundSaver.Api.OpenApi;
using RefundSaver.Application.AppStore.Notifications.Commands.ReceiveNotification;

namespace RefundSaver.Api.Endpoints;

/// <summary>
/// The one URL Apple posts App Store Server Notifications V2 to, for every app. Apple retries
/// anything but a 2xx, so only a reason of its own (a forgery, an app not set up yet, our database
/// down) may produce one; a duplicate is answered 200 like the first delivery.
/// </summary>
public static class AppStoreWebhookEndpoints
{
    public const string Path = "/webhooks/app-store";

    public static IEndpointRouteBuilder MapAppStoreWebhook(this IEndpointRouteBuilder routes)
    {
        // 401 is a forged or unverifiable payload, 422 an app not set up for it, 503 a verification or database outage.
        routes.MapPost(Path, ReceiveNotification).WithName("ReceiveAppStoreNotification").WithTags("App Store")
            .AcceptsJson<AppStoreNotificationRequest>()
            .ProducesErrors(
                StatusCodes.Status400BadRequest,
                StatusCodes.Status401Unauthorized,
                StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status422UnprocessableEntity,
                StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    private static async Task<Results<Ok<NotificationReceipt>, JsonHttpResult<ErrorBody>>> ReceiveNotification(
        HttpContext context, ISender sender, WebhookMetrics metrics, CancellationToken cancellationToken)
    {
        var command = await JsonRequestBody.ReadAsync(
            context.Request,
            (AppStoreNotificationRequest body, FieldErrors fields) =>
                new ReceiveNotificationCommand(fields.Check(body.SignedPayload).GetValueOr(null)),
            cancellationToken);
        if (!command.IsSuccess)
        {
            metrics.Refused(command.Error.Code);
            return command.Error.ToResult(context);
        }

        var result = await sender.Send(command.Value, cancellationToken);
        if (result.IsSuccess)
        {
            metrics.Stored(result.Value.NotificationType, result.Value.Duplicate);
        }
        else
        {
            metrics.Refused(result.Error.Code);
        }

        return result.ToOkOrError(context);
    }
}
