using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace RefundSaver.Infrastructure.Redis;

/// <summary>
/// Connects to Redis while the host starts, before the server listens. Made on first use instead,
/// the connection was made synchronously by the first requests that needed it (the webhook's),
/// each holding a thread-pool thread while the connect itself needs the pool to complete: a burst
/// of notifications at a fresh process starved the pool and stalled the webhook for tens of
/// seconds, past Apple's delivery timeout. Redis being down still delays nothing but start-up,
/// by at most its connect timeout.
/// </summary>
internal sealed class RedisConnector(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<IConnectionMultiplexer>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
