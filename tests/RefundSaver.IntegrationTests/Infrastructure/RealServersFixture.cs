using System.Collections.Concurrent;
using Npgsql;
using RefundSaver.Hosting;

namespace RefundSaver.IntegrationTests.Infrastructure;

/// <summary>
/// Real PostgreSQL and Redis, started once for the test run by the AppHost's own resource code.
/// Each test class gets its own database and its own API host, so no class sees another's data.
/// </summary>
public sealed class RealServersFixture : IAsyncLifetime
{
    public const string AdminToken = "integration-admin-token";

    private readonly ConcurrentDictionary<string, Lazy<Task<ApiFactory>>> _apis = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<IAsyncDisposable>>> _classResources = new();
    private readonly Lazy<Task<SimulatorProcess>> _simulator = new(SimulatorProcess.StartAsync);
    private DistributedApplication? _servers;

    public string PostgresConnectionString { get; private set; } = string.Empty;

    public string RedisConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions());
        builder.AddPostgres("postgres")
            // Durability is not under test here; speed is welcome.
            .WithServerSetting("fsync", "off")
            .WithServerSetting("synchronous_commit", "off")
            .WithServerSetting("full_page_writes", "off")
            .AddDatabase("postgresdb", "postgres");
        builder.AddRedis("redis");
        _servers = builder.Build();
        await _servers.StartAsync();
        PostgresConnectionString = await _servers.GetConnectionStringAsync("postgresdb")
            ?? throw new InvalidOperationException("PostgreSQL gave no connection string.");
        RedisConnectionString = await _servers.GetConnectionStringAsync("redis")
            ?? throw new InvalidOperationException("Redis gave no connection string.");
    }

    /// <summary>Stops Redis (an outage) and starts it again on the same port when the result is disposed.</summary>
    public async Task<IAsyncDisposable> StopRedisAsync()
    {
        await _servers!.StopResourceAsync("redis");
        return new RedisRestart(_servers);
    }

    /// <summary>A connection string to a new, empty database.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var connectionString = UnusedDatabaseConnectionString();
        await using (var connection = new NpgsqlConnection(PostgresConnectionString))
        {
            await connection.OpenAsync();
            var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return connectionString;
    }

    /// <summary>A connection string to a database that does not exist yet.</summary>
    public string UnusedDatabaseConnectionString() =>
        new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = "test_" + Guid.NewGuid().ToString("N") }
            .ConnectionString;

    /// <summary>The API host of one test class (made on first use), on a database of its own.</summary>
    public Task<ApiFactory> ApiFor(Type testClass, IReadOnlyDictionary<string, string?>? settings = null) =>
        _apis.GetOrAdd(
            testClass.FullName!,
            _ => new Lazy<Task<ApiFactory>>(async () =>
            {
                var factory = new ApiFactory(await CreateDatabaseAsync(), RedisConnectionString, AdminToken, settings);
                await factory.StartAsync();
                return factory;
            })).Value;

    /// <summary>The App Store simulator, started on first use and shared: each test class makes its own apps in it.</summary>
    public Task<SimulatorProcess> SimulatorAsync() => _simulator.Value;

    /// <summary>Something one test class shares between its tests (made on first use), disposed after the run.</summary>
    public async Task<T> ClassResourceAsync<T>(Type testClass, Func<Task<T>> create)
        where T : class, IAsyncDisposable =>
        (T)await _classResources.GetOrAdd(
            testClass.FullName!, _ => new Lazy<Task<IAsyncDisposable>>(async () => await create())).Value;

    public async Task DisposeAsync()
    {
        foreach (var api in _apis.Values.Where(api => api.IsValueCreated))
        {
            await (await api.Value).DisposeAsync();
        }

        foreach (var resource in _classResources.Values.Where(resource => resource.IsValueCreated && resource.Value.IsCompletedSuccessfully))
        {
            await (await resource.Value).DisposeAsync();
        }

        if (_simulator.IsValueCreated && _simulator.Value.IsCompletedSuccessfully)
        {
            await (await _simulator.Value).DisposeAsync();
        }

        if (_servers is not null)
        {
            await _servers.DisposeAsync();
        }
    }

    private sealed class RedisRestart(DistributedApplication servers) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await servers.StartResourceAsync("redis");
    }
}
