using Microsoft.Extensions.Hosting;

namespace RefundSaver.Infrastructure.Redis;

/// <summary>Learns the Redis keyspace before the server listens, once the migrations have run (it starts after them).</summary>
internal sealed class RedisKeyspaceLoader(RedisKeyspace keyspace) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => keyspace.LoadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
