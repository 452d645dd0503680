using System.Net.Sockets;
using RefundSaver.Hosting;

namespace RefundSaver.AppHost.Tests;

public sealed class RedisResourceTests
{
    [Fact]
    public async Task StartAsync_WhenRedisAdded_ShouldAnswerPing()
    {
        await using var app = await StartRedisAsync();

        var connectionString = (await app.GetConnectionStringAsync("redis")).ShouldNotBeNull();

        connectionString.ShouldStartWith("127.0.0.1:");
        (await RedisProbe.PingAsync(connectionString)).ShouldBe("+PONG");
    }

    [Fact]
    public async Task StopResourceAsync_WhenRedisRuns_ShouldRefuseConnections()
    {
        await using var app = await StartRedisAsync();
        var connectionString = (await app.GetConnectionStringAsync("redis"))!;

        await app.StopResourceAsync("redis");

        app.GetResource("redis").State.ShouldBe(ResourceState.Stopped);
        await Should.ThrowAsync<SocketException>(() => RedisProbe.PingAsync(connectionString));
    }

    [Fact]
    public async Task StartResourceAsync_AfterStop_ShouldServeAgainOnTheSamePort()
    {
        await using var app = await StartRedisAsync();
        var before = (await app.GetConnectionStringAsync("redis"))!;
        await app.StopResourceAsync("redis");

        await app.StartResourceAsync("redis", TestApplications.DeadlineToken());

        var after = (await app.GetConnectionStringAsync("redis"))!;
        after.ShouldBe(before);
        (await RedisProbe.PingAsync(after)).ShouldBe("+PONG");
        app.GetResource("redis").State.ShouldBe(ResourceState.Running);
    }

    private static async Task<DistributedApplication> StartRedisAsync()
    {
        var builder = TestApplications.CreateBuilder();
        builder.AddRedis("redis");
        var app = builder.Build();
        await app.StartAsync(TestApplications.DeadlineToken());
        return app;
    }
}
