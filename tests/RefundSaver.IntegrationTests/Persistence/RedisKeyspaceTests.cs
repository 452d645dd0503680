using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RefundSaver.Application.AppStore;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Persistence;

/// <summary>
/// A Redis mark is believed only by the database that made it: processes on one database share
/// their marks; another database on the same Redis, or a copy of this one (a restore), does not.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class RedisKeyspaceTests(RealServersFixture servers)
{
    private static readonly Dictionary<string, string?> NoDispatcher = new() { ["Dispatcher:Enabled"] = "false" };

    [Fact]
    public async Task IsProcessed_WhenAnotherProcessOnTheSameDatabaseMarkedIt_ShouldBelieveIt()
    {
        var database = await servers.CreateDatabaseAsync();
        await using var first = await StartAsync(database);
        await using var second = await StartAsync(database);

        var uuid = await MarkAsync(first);

        (await Processed(second).IsProcessedAsync(uuid)).ShouldBeTrue();
    }

    [Fact]
    public async Task IsProcessed_WhenAnotherDatabaseOnTheSameRedisMarkedIt_ShouldNotBelieveIt()
    {
        await using var first = await StartAsync(await servers.CreateDatabaseAsync());
        await using var second = await StartAsync(await servers.CreateDatabaseAsync());

        var uuid = await MarkAsync(first);

        (await Processed(second).IsProcessedAsync(uuid)).ShouldBeFalse();
    }

    [Fact]
    public async Task IsProcessed_WhenACopyOfTheDatabaseMarkedIt_ShouldNotBelieveIt()
    {
        var original = await servers.CreateDatabaseAsync();
        await using (var migrated = await StartAsync(original))
        {
        }

        // A copy holds the same identity row, as a restored dump does, but it is another database.
        NpgsqlConnection.ClearAllPools();
        var copy = servers.UnusedDatabaseConnectionString();
        await using (var admin = new NpgsqlConnection(servers.PostgresConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand(
                $"CREATE DATABASE {new NpgsqlConnectionStringBuilder(copy).Database} TEMPLATE {new NpgsqlConnectionStringBuilder(original).Database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        await using var onOriginal = await StartAsync(original);
        await using var onCopy = await StartAsync(copy);

        var uuid = await MarkAsync(onOriginal);

        (await Processed(onCopy).IsProcessedAsync(uuid)).ShouldBeFalse();
    }

    private async Task<ApiFactory> StartAsync(string database)
    {
        var api = new ApiFactory(database, servers.RedisConnectionString, RealServersFixture.AdminToken, NoDispatcher);
        await api.StartAsync();
        return api;
    }

    private static IProcessedNotifications Processed(ApiFactory api) => api.Services.GetRequiredService<IProcessedNotifications>();

    /// <summary>Marks a new notification through <paramref name="api"/> and waits until its own process reads the mark back.</summary>
    private static async Task<Guid> MarkAsync(ApiFactory api)
    {
        var uuid = Guid.NewGuid();
        Processed(api).MarkProcessed(uuid);
        await Eventually.UntilAsync(() => Processed(api).IsProcessedAsync(uuid), seen => seen, "the mark to be written");
        return uuid;
    }
}
