using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Npgsql;
using RefundSaver.AppHost.Servers;
using RefundSaver.TestSupport.Aspire;

namespace RefundSaver.IntegrationTests.Infrastructure;

/// <summary>
/// Real PostgreSQL and Redis, started once for the test run through the AppHost's own resources
/// under Aspire's orchestrator, with the App Store simulator beside them (started on first use).
/// Each test class gets its own database and its own API host, so no class sees another's data.
/// </summary>
public sealed class RealServersFixture : IAsyncLifetime
{
    public const string AdminToken = "integration-admin-token";

    /// <summary>A PostgreSQL server of its own for the tests that stop it, started when first asked for.</summary>
    public const string SpareServer = "spare-postgres";

    private const string SpareDatabase = "spare";
    private const string DatabaseResource = "postgresdb";
    private const string RedisResource = "redis";

    private readonly ConcurrentDictionary<string, Lazy<Task<ApiFactory>>> _apis = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<IAsyncDisposable>>> _classResources = new();
    private readonly Lazy<Task<SimulatorProcess>> _simulator;
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("refundsaver-tests-").FullName;
    private readonly CancellationTokenSource _watching = new();
    private readonly List<Task> _watchers = [];
    private DistributedApplication? _servers;

    public RealServersFixture() => _simulator = new(() => SimulatorProcess.StartAsync(Servers, ChainDirectory));

    public string PostgresConnectionString { get; private set; } = string.Empty;

    public string RedisConnectionString { get; private set; } = string.Empty;

    private string ChainDirectory => Path.Combine(_dataDirectory, "appstore-chain");

    private DistributedApplication Servers => _servers ?? throw new InvalidOperationException("The servers are not started.");

    public async Task InitializeAsync()
    {
        var builder = TestApplications.CreateBuilder();
        builder.AddLocalPostgres("postgres", _dataDirectory)
            // Durability is not under test here; speed is welcome.
            .WithServerSetting("fsync", "off")
            .WithServerSetting("synchronous_commit", "off")
            .WithServerSetting("full_page_writes", "off")
            .AddDatabase(DatabaseResource, "postgres");
        builder.AddLocalRedis(RedisResource, _dataDirectory);
        builder.AddLocalPostgres(SpareServer, _dataDirectory).WithServerSetting("fsync", "off").WithExplicitStart()
            .AddDatabase(SpareDatabase, "refundsaver");
        SimulatorProcess.AddTo(builder, ChainDirectory);
        _servers = builder.Build();
        // Every line that the servers and the simulator write goes through the secrets sweep.
        _watchers.AddRange(ResourceLogs.Watch(_servers, line => SecretSweepingLoggerProvider.Inspect(line.Content, $"the output of {line.Resource}"), _watching.Token));
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await _servers.StartAsync(deadline.Token);
        await _servers.ResourceNotifications.WaitForResourceHealthyAsync(DatabaseResource, deadline.Token);
        await _servers.ResourceNotifications.WaitForResourceHealthyAsync(RedisResource, deadline.Token);
        PostgresConnectionString = await _servers.GetConnectionStringAsync(DatabaseResource, deadline.Token)
            ?? throw new InvalidOperationException("PostgreSQL gave no connection string.");
        RedisConnectionString = await _servers.GetConnectionStringAsync(RedisResource, deadline.Token)
            ?? throw new InvalidOperationException("Redis gave no connection string.");
    }

    /// <summary>Stops Redis (an outage) and starts it again, on the same port, when the result is disposed.</summary>
    public async Task<IAsyncDisposable> StopRedisAsync()
    {
        await StopServerAsync(RedisResource);
        return new RedisRestart(this);
    }

    /// <summary>Stops a server resource and waits until it has ended.</summary>
    public async Task StopServerAsync(string resource)
    {
        await ExecuteAsync(resource, KnownResourceCommands.StopCommand);
        await Servers.ResourceNotifications.WaitForResourceAsync(resource, KnownResourceStates.TerminalStates);
    }

    /// <summary>Starts a server resource (again) and waits until it is healthy.</summary>
    public async Task StartServerAsync(string resource)
    {
        await ExecuteAsync(resource, KnownResourceCommands.StartCommand);
        await Servers.ResourceNotifications.WaitForResourceHealthyAsync(resource);
    }

    /// <summary>Starts the spare PostgreSQL server and returns its database's connection string.</summary>
    public async Task<string> StartSpareDatabaseAsync()
    {
        await StartServerAsync(SpareServer);
        await Servers.ResourceNotifications.WaitForResourceHealthyAsync(SpareDatabase);
        return await Servers.GetConnectionStringAsync(SpareDatabase)
            ?? throw new InvalidOperationException("The spare database gave no connection string.");
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
            (await _simulator.Value).Dispose();
        }

        if (_servers is not null)
        {
            await _servers.DisposeAsync();
        }

        await _watching.CancelAsync();
        await Task.WhenAll(_watchers);
        _watching.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
        SecretSweepingLoggerProvider.Leaks.ShouldBeEmpty(
            $"The run's logs ({SecretSweepingLoggerProvider.Swept} records and lines, every level) must hold no secret.");
    }

    private async Task ExecuteAsync(string resource, string command)
    {
        var result = await Servers.ResourceCommands.ExecuteCommandAsync(resource, command);
        if (!result.Success)
        {
            throw new InvalidOperationException($"'{command}' on '{resource}' failed: {result.Message}");
        }
    }

    private sealed class RedisRestart(RealServersFixture fixture) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await fixture.StartServerAsync(RedisResource);
    }
}
