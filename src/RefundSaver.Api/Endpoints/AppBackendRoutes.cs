using RefundSaver.Api.OpenApi;
using RefundSaver.Api.RateLimiting;

namespace RefundSaver.Api.Endpoints;

internal static class AppBackendRoutes
{
    /// <summary>
    /// A group of the server-side API: an app's API key required (else 401), and the app's rate limit
    /// applied (else 429); our database down is a 503 to retry.
    /// </summary>
    public static RouteGroupBuilder MapAppBackendGroup(this IEndpointRouteBuilder routes, string path, string tag) =>
        routes.MapGroup(path)
            .RequireAuthorization(AuthorizationPolicies.AppBackend)
            .RequireRateLimiting(AppRateLimiting.PerAppPolicy)
            .WithTags(tag)
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable);
}
