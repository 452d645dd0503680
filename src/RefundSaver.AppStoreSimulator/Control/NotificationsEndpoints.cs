using Microsoft.AspNetCore.Http.HttpResults;
using RefundSaver.AppStoreSimulator.Notifications;

namespace RefundSaver.AppStoreSimulator.Control;

/// <summary>The notifications sent and how each delivery went (<c>/simulator/notifications</c>).</summary>
public static class NotificationsEndpoints
{
    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/simulator/notifications", ListNotifications).WithTags("Simulator: notifications");
        return routes;
    }

    /// <summary>Oldest first; filtered by <paramref name="bundleId"/>, <paramref name="notificationType"/> and <paramref name="transactionId"/> when given.</summary>
    public static Ok<List<NotificationResponse>> ListNotifications(
        NotificationLog log,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "bundle_id")] string? bundleId,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "notification_type")] string? notificationType,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "transaction_id")] string? transactionId) =>
        TypedResults.Ok(log.All(bundleId)
            .Where(record => notificationType is null || record.NotificationType == notificationType)
            .Where(record => transactionId is null || record.TransactionId == transactionId)
            .Select(ToResponse)
            .ToList());

    private static NotificationResponse ToResponse(NotificationRecord record) => new(
        record.NotificationUuid,
        record.BundleId,
        record.Environment,
        record.NotificationType,
        record.Subtype,
        record.TransactionId,
        record.CreatedAt,
        ToSnakeCase(record.Status),
        record.Url?.AbsoluteUri,
        record.NextAttemptAt,
        [.. record.Attempts.Select(attempt => new DeliveryAttemptResponse(attempt.AttemptDate, attempt.SendAttemptResult, attempt.HttpStatus, attempt.Error))],
        record.SignedPayload);

    private static string ToSnakeCase(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Pending => "pending",
        DeliveryStatus.Delivered => "delivered",
        DeliveryStatus.Failed => "failed",
        DeliveryStatus.NotSent => "not_sent",
        _ => status.ToString(),
    };
}
