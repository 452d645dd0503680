using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RefundSaver.AppStoreSimulator.Tests.Infrastructure;

/// <summary>
/// A tiny Kestrel endpoint standing in for RefundSaver's webhook: it records every POST under
/// <c>/hooks/{name}</c> and answers 200, or the statuses a test scripted for that name.
/// </summary>
public sealed class NotificationReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedPost> _posts = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _scripted = new(StringComparer.Ordinal);

    private NotificationReceiver(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public static async Task<NotificationReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var receiver = new NotificationReceiver(builder.Build());
        receiver._app.MapPost("/hooks/{name}", receiver.ReceiveAsync);
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseUri = new Uri(address);
        return receiver;
    }

    /// <summary>A fresh URL of its own for one app.</summary>
    public Uri NewUrl(out string name)
    {
        name = Guid.NewGuid().ToString("N");
        return new Uri(BaseUri, $"/hooks/{name}");
    }

    /// <summary>The next posts to <paramref name="name"/> get these statuses, in order; then 200 again.</summary>
    public void AnswerNext(string name, params int[] statuses)
    {
        var queue = _scripted.GetOrAdd(name, _ => new ConcurrentQueue<int>());
        foreach (var status in statuses)
        {
            queue.Enqueue(status);
        }
    }

    public IReadOnlyList<ReceivedPost> PostsTo(string name) => [.. _posts.Where(post => post.Path == $"/hooks/{name}")];

    /// <summary>Waits until <paramref name="name"/> has had <paramref name="count"/> posts (5 s at most).</summary>
    public async Task<IReadOnlyList<ReceivedPost>> WaitForAsync(string name, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (true)
        {
            var posts = PostsTo(name);
            if (posts.Count >= count || DateTimeOffset.UtcNow > deadline)
            {
                posts.Count.ShouldBeGreaterThanOrEqualTo(count, $"posts to {name}");
                return posts;
            }

            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> ReceiveAsync(string name, HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var status = _scripted.TryGetValue(name, out var queue) && queue.TryDequeue(out var scripted) ? scripted : 200;
        string signedPayload;
        try
        {
            signedPayload = JsonDocument.Parse(body).RootElement.GetProperty("signedPayload").GetString() ?? string.Empty;
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            signedPayload = string.Empty;
        }

        _posts.Enqueue(new ReceivedPost(request.Path, DateTimeOffset.UtcNow, request.ContentType ?? string.Empty, body, signedPayload, status));
        return Results.StatusCode(status);
    }
}
