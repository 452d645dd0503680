using RefundSaver.Api.RateLimiting;

namespace RefundSaver.Api.Endpoints;

internal static class AppBackendRoutes
{
    /// <summary>A group of the server-side API: an app's API key required, and the app's rate limit applied.</summary>
    public static RouteGroupBuilder MapAppBackendGroup(this IEndpointRouteBuilder routes, string path, string tag) =>
        routes.MapGroup(path)
            .RequireAuthorization(AuthorizationPolicies.AppBackend)
            .RequireRateLimiting(AppRateLimiting.PerAppPolicy)
            .WithTags(tag);
}
