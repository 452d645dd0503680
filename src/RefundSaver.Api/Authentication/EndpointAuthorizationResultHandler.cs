using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace RefundSaver.Api.Authentication;

/// <summary>
/// Lets a request that matched no endpoint (an unknown path, or a known one with another method) go on
/// to its 404 or 405: the fallback policy is for endpoints, and would otherwise turn both into a 401.
/// </summary>
internal sealed class EndpointAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult) =>
        context.GetEndpoint() is RouteEndpoint
            ? _default.HandleAsync(next, context, policy, authorizeResult)
            : next(context);
}
