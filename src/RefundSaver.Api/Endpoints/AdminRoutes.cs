using RefundSaver.Api.OpenApi;

namespace RefundSaver.Api.Endpoints;

internal static class AdminRoutes
{
    /// <summary>
    /// A group of the admin API: the admin token required (else 401, and 429 after too many wrong ones from an
    /// address); our database down is a 503 to retry. Admin:Port and Admin:AllowedNetworks hide it elsewhere (404).
    /// </summary>
    public static RouteGroupBuilder MapAdminGroup(this IEndpointRouteBuilder routes, string path, string tag) =>
        routes.MapGroup(path)
            .RequireAuthorization(AuthorizationPolicies.Admin)
            .WithTags(tag)
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable);
}
