using System.Buffers;
using Microsoft.AspNetCore.Http.HttpResults;
using RefundSaver.AppStoreSimulator.Model;

namespace RefundSaver.AppStoreSimulator.Control;

/// <summary>App Store Connect's part: apps and their In-App Purchase keys (<c>/simulator/apps</c>).</summary>
public static class AppsEndpoints
{
    private static readonly SearchValues<char> BundleIdCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-");

    public static IEndpointRouteBuilder MapApps(this IEndpointRouteBuilder routes)
    {
        var apps = routes.MapGroup("/simulator/apps").WithTags("Simulator: apps");
        apps.MapPost("/", CreateApp);
        apps.MapGet("/", ListApps);
        apps.MapGet("/{bundleId}", GetApp);
        apps.MapPost("/{bundleId}/keys", IssueKey);
        return routes;
    }

    public static Results<Created<AppCreatedResponse>, BadRequest<ControlError>, Conflict<ControlError>> CreateApp(
        CreateAppRequest request, AppRegistry registry, SimulatorIds ids, TimeProvider time)
    {
        if (ValidateBundleId(request.BundleId) is { } bundleIdError)
        {
            return ControlResults.BadRequest(bundleIdError);
        }

        if (request.AppleAppId is <= 0)
        {
            return ControlResults.BadRequest("apple_app_id must be a positive number (or left out to get one).");
        }

        var environment = AppStoreEnvironment.Production;
        if (request.Environment is not null && !AppStoreEnvironments.TryParse(request.Environment, out environment))
        {
            return ControlResults.BadRequest($"environment must be \"Sandbox\" or \"Production\", not \"{request.Environment}\".");
        }

        Uri? notificationUrl = null;
        if (request.NotificationUrl is not null
            && (!Uri.TryCreate(request.NotificationUrl, UriKind.Absolute, out notificationUrl) || notificationUrl.Scheme is not ("http" or "https")))
        {
            return ControlResults.BadRequest($"notification_url must be an absolute http or https URL, not \"{request.NotificationUrl}\".");
        }

        var bundleVersion = string.IsNullOrWhiteSpace(request.BundleVersion) ? "1.0" : request.BundleVersion;
        var app = new SimulatedApp(
            request.BundleId!, request.AppleAppId ?? ids.NextAppAppleId(), environment, notificationUrl, bundleVersion, ids.NewGuid().ToString(), time.GetUtcNow());
        if (!registry.TryAdd(app))
        {
            return ControlResults.Conflict($"An app with bundle_id \"{app.BundleId}\" exists already.");
        }

        var (key, privateKeyPem) = registry.IssueKey(app);
        return TypedResults.Created(
            $"/simulator/apps/{Uri.EscapeDataString(app.BundleId)}",
            new AppCreatedResponse(
                app.BundleId, app.AppAppleId, app.Environment.ToString(), app.NotificationUrl?.AbsoluteUri, app.BundleVersion, key.IssuerId, key.KeyId, privateKeyPem));
    }

    public static Ok<List<AppResponse>> ListApps(AppRegistry registry) => TypedResults.Ok(registry.Apps.Select(ToResponse).ToList());

    public static Results<Ok<AppResponse>, NotFound<ControlError>> GetApp(string bundleId, AppRegistry registry) =>
        registry.TryGet(bundleId, out var app) ? TypedResults.Ok(ToResponse(app)) : ControlResults.NotFound(NoSuchApp(bundleId));

    public static Results<Created<KeyIssuedResponse>, NotFound<ControlError>> IssueKey(string bundleId, AppRegistry registry)
    {
        if (!registry.TryGet(bundleId, out var app))
        {
            return ControlResults.NotFound(NoSuchApp(bundleId));
        }

        var (key, privateKeyPem) = registry.IssueKey(app);
        return TypedResults.Created(
            $"/simulator/apps/{Uri.EscapeDataString(app.BundleId)}",
            new KeyIssuedResponse(app.BundleId, key.IssuerId, key.KeyId, privateKeyPem));
    }

    public static string NoSuchApp(string bundleId) => $"No app with bundle_id \"{bundleId}\" (create it with POST /simulator/apps).";

    private static string? ValidateBundleId(string? bundleId) => bundleId switch
    {
        null or "" => "bundle_id is required (e.g. \"com.example.game\").",
        { Length: > 155 } => "bundle_id is at most 155 characters.",
        _ when bundleId.AsSpan().ContainsAnyExcept(BundleIdCharacters) => $"bundle_id may hold only letters, digits, '.' and '-', not \"{bundleId}\".",
        _ => null,
    };

    private static AppResponse ToResponse(SimulatedApp app) => new(
        app.BundleId,
        app.AppAppleId,
        app.Environment.ToString(),
        app.NotificationUrl?.AbsoluteUri,
        app.BundleVersion,
        app.IssuerId,
        [.. app.Keys.Select(key => key.KeyId)],
        app.CreatedAt);
}
