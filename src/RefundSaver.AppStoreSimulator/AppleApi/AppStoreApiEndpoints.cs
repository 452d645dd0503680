using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using RefundSaver.AppStoreSimulator.Model;
using RefundSaver.AppStoreSimulator.Notifications;

namespace RefundSaver.AppStoreSimulator.AppleApi;

/// <summary>
/// The App Store Server API as Apple serves it: Production at the root (<c>/inApps/…</c>), Sandbox
/// under <c>/sandbox</c> (<c>/sandbox/inApps/…</c>). So ProductionBaseUrl is <c>http://host:port</c>
/// and SandboxBaseUrl <c>http://host:port/sandbox</c>.
/// </summary>
public static class AppStoreApiEndpoints
{
    public const string SandboxPrefix = "/sandbox";

    public static IEndpointRouteBuilder MapAppStoreApi(this IEndpointRouteBuilder routes)
    {
        MapInApps(routes.MapGroup("/inApps"), AppStoreEnvironment.Production);
        MapInApps(routes.MapGroup(SandboxPrefix + "/inApps"), AppStoreEnvironment.Sandbox);
        return routes;
    }

    private static void MapInApps(RouteGroupBuilder inApps, AppStoreEnvironment environment)
    {
        inApps.WithMetadata(new ApiEnvironment(environment)).WithTags($"App Store Server API ({environment})");
        inApps.MapPut("/v1/transactions/consumption/{transactionId}", SendConsumptionInformationV1);
        inApps.MapPut("/v2/transactions/consumption/{transactionId}", SendConsumptionInformation);
        inApps.MapPost("/v1/notifications/test", RequestTestNotification);
        inApps.MapGet("/v1/notifications/test/{testNotificationToken}", GetTestNotificationStatus);
    }

    public static async Task<AppleApiResult> SendConsumptionInformationV1(string transactionId, HttpContext context, ConsumptionApi api) =>
        new(await api.HandleAsync(context, ApiEnvironment.Of(context), ConsumptionApiVersion.V1, transactionId));

    public static async Task<AppleApiResult> SendConsumptionInformation(string transactionId, HttpContext context, ConsumptionApi api) =>
        new(await api.HandleAsync(context, ApiEnvironment.Of(context), ConsumptionApiVersion.V2, transactionId));

    public static async Task<Results<JsonHttpResult<SendTestNotificationResponse>, AppleApiResult>> RequestTestNotification(
        HttpContext context, [AsParameters] AppStoreApiServices services)
    {
        var authentication = await services.Authenticator.AuthenticateAsync(context.Request);
        if (authentication.Caller is not { App: var app })
        {
            return new AppleApiResult(AppleAnswers.Unauthorized(authentication.Failure!));
        }

        var environment = ApiEnvironment.Of(context);
        if (app.NotificationUrl is null || app.Environment != environment)
        {
            return new AppleApiResult(services.Answers.Error(
                AppleErrors.ServerNotificationUrlNotFound, $"{AppleErrors.ServerNotificationUrlNotFound.Name}: {app.BundleId} has a notification URL in {app.Environment} only."));
        }

        var record = services.Notifications.Create(app, environment, NotificationTypes.Test);
        var token = string.Create(
            CultureInfo.InvariantCulture, $"{services.Ids.NewGuid()}_{services.Time.GetUtcNow().ToUnixTimeMilliseconds()}");
        services.TestNotifications.Add(token, record);
        services.Delivery.Publish(record);
        return TypedResults.Json(new SendTestNotificationResponse(token), contentType: "application/json");
    }

    public static async Task<Results<JsonHttpResult<CheckTestNotificationResponse>, AppleApiResult>> GetTestNotificationStatus(
        string testNotificationToken, HttpContext context, [AsParameters] AppStoreApiServices services)
    {
        var authentication = await services.Authenticator.AuthenticateAsync(context.Request);
        if (authentication.Caller is not { App: var app })
        {
            return new AppleApiResult(AppleAnswers.Unauthorized(authentication.Failure!));
        }

        var record = services.TestNotifications.Find(testNotificationToken);
        if (record is null || record.BundleId != app.BundleId || record.Environment != ApiEnvironment.Of(context).ToString())
        {
            return new AppleApiResult(services.Answers.Error(AppleErrors.TestNotificationNotFound));
        }

        var attempts = record.Attempts
            .Select(attempt => new SendAttemptItem(attempt.AttemptDate.ToUnixTimeMilliseconds(), attempt.SendAttemptResult))
            .ToList();
        return TypedResults.Json(new CheckTestNotificationResponse(record.SignedPayload, attempts), contentType: "application/json");
    }
}
