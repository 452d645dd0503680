using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RefundSaver.Hosting.Dashboard;

/// <summary>
/// A tiny Kestrel server on 127.0.0.1: one self-contained page plus the JSON it polls
/// (<c>/api/resources</c> and <c>/api/resources/{name}/logs?after=N</c>).
/// </summary>
internal sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DashboardServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<DashboardServer> StartAsync(int port, IReadOnlyList<Resource> resources, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();

        var page = DashboardPage.Html;
        app.MapGet("/", () => Results.Content(page, "text/html; charset=utf-8"));
        app.MapGet("/api/resources", () => resources.Select(ResourceView.From));
        app.MapGet("/api/resources/{name}/logs", (string name, long? after) =>
            resources.FirstOrDefault(resource => resource.Name == name) is { } resource
                ? Results.Ok(resource.Log.GetLinesAfter(after ?? 0))
                : Results.NotFound());

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException exception)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException(
                $"The dashboard cannot listen on 127.0.0.1:{port} ({exception.Message}); set AppHost:DashboardPort to another port, or 0 for any.",
                exception);
        }

        return new DashboardServer(app, new Uri(app.Urls.First()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
