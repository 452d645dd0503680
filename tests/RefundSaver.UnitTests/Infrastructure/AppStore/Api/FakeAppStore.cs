using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;

namespace RefundSaver.UnitTests.Infrastructure.AppStore.Api;

/// <summary>
/// A real Kestrel server on 127.0.0.1 that answers like the App Store Server API: it checks each
/// bearer token against the test key (401 when it does not verify), records every request, then
/// plays the scripted answers in order (202 when the script is empty).
/// </summary>
internal sealed class FakeAppStore : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TestAppStoreKey _key;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();

    private FakeAppStore(WebApplication app, TestAppStoreKey key)
    {
        _app = app;
        _key = key;
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Url { get; private set; } = "";

    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    public static async Task<FakeAppStore> StartAsync(TestAppStoreKey key)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeAppStore(app, key);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.Url = app.Urls.Single();
        return server;
    }

    public FakeAppStore Then(Func<HttpContext, Task> answer)
    {
        _script.Enqueue(answer);
        return this;
    }

    public FakeAppStore Then(int status, string? json = null, string? retryAfter = null) => Then(context =>
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        if (json is null)
        {
            return Task.CompletedTask;
        }

        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    });

    public FakeAppStore ThenError(int status, long errorCode, string errorMessage, string? retryAfter = null) =>
        Then(status, $$"""{"errorCode":{{errorCode}},"errorMessage":"{{errorMessage}}"}""", retryAfter);

    /// <summary>Answers nothing for a long while (until the client gives up and drops the connection).</summary>
    public FakeAppStore ThenHang() => Then(async context =>
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up, as it should.
        }
    });

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var body = await new StreamReader(request.Body).ReadToEndAsync(context.RequestAborted);
        var authorization = request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : null;
        var validation = token is null ? null : await _key.ValidateAsync(token);
        var bundleId = validation is { IsValid: true } ? (string)validation.Claims["bid"] : null;
        _requests.Enqueue(new ReceivedRequest(
            request.Method, request.Path + request.QueryString, request.ContentType, body, token, validation?.IsValid == true, bundleId, DateTimeOffset.UtcNow));

        if (validation is not { IsValid: true })
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (_script.TryDequeue(out var answer))
        {
            await answer(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }
}

internal sealed record ReceivedRequest(
    string Method,
    string Path,
    string? ContentType,
    string Body,
    string? Token,
    bool TokenVerified,
    string? BundleId,
    DateTimeOffset At)
{
    public JsonWebToken Jwt => new(Token!);
}
