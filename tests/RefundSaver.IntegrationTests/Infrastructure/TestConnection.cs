using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace RefundSaver.IntegrationTests.Infrastructure;

/// <summary>
/// The in-memory test server has no real connection: a test names the client's address and the local
/// port it connected to in these headers, set on the connection before anything else runs.
/// </summary>
public sealed class TestConnection : IStartupFilter
{
    public const string RemoteAddressHeader = "X-Test-Remote-Address";
    public const string LocalPortHeader = "X-Test-Local-Port";

    public static HttpRequestMessage From(HttpRequestMessage request, string remoteAddress, int? localPort = null)
    {
        request.Headers.Add(RemoteAddressHeader, remoteAddress);
        if (localPort is not null)
        {
            request.Headers.Add(LocalPortHeader, localPort.Value.ToString(CultureInfo.InvariantCulture));
        }

        return request;
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(RemoteAddressHeader, out var address))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
            }

            if (context.Request.Headers.TryGetValue(LocalPortHeader, out var port))
            {
                context.Connection.LocalPort = int.Parse(port.ToString(), CultureInfo.InvariantCulture);
            }

            await nextMiddleware(context);
        });
        next(app);
    };
}
