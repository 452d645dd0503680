using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace RefundSaver.UnitTests.ServiceDefaults;

/// <summary>An OTLP/HTTP endpoint that only records which signal paths were posted to (/v1/traces, ...).</summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _paths = new();

    private OtlpReceiver(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        _app = builder.Build();
        _app.MapPost("/v1/{signal}", (HttpContext context) =>
        {
            _paths.Enqueue(context.Request.Path);
            return Results.Ok();
        });
    }

    public string Url => _app.Urls.Single();

    public IReadOnlyCollection<string> Paths => _paths;

    /// <summary>Listens on <paramref name="port"/>, or a free port when it is 0.</summary>
    public static async Task<OtlpReceiver> StartAsync(int port = 0)
    {
        var receiver = new OtlpReceiver(port);
        await receiver._app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
