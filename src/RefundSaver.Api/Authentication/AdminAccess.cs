using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using RefundSaver.Api.Endpoints;

namespace RefundSaver.Api.Authentication;

/// <summary>
/// Keeps the admin API off the public listener (<see cref="AdminOptions.Port"/>) and to the operator's
/// networks (<see cref="AdminOptions.AllowedNetworks"/>). It runs before authentication, so elsewhere the
/// admin API looks absent (404) and a token presented there is never checked. The port is the connection's
/// local port, not the Host header, which the client writes.
/// </summary>
internal static class AdminAccess
{
    public static WebApplication UseAdminAccess(this WebApplication app)
    {
        app.Use(next => context =>
        {
            if (IsAdminEndpoint(context.GetEndpoint()) && !Allows(context))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
        return app;
    }

    private static bool IsAdminEndpoint(Endpoint? endpoint) =>
        endpoint?.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(data => data.Policy == AuthorizationPolicies.Admin) == true;

    private static bool Allows(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<AdminOptions>>().CurrentValue;
        if (options.Port is { } port && context.Connection.LocalPort != port)
        {
            return false;
        }

        if (options.AllowedNetworks.Count == 0)
        {
            return true;
        }

        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return false;
        }

        var client = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return options.Networks().Any(network => network.Contains(client));
    }
}
