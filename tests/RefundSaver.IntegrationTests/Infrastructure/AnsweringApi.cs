using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using RefundSaver.Api.Endpoints;

namespace RefundSaver.IntegrationTests.Infrastructure;

/// <summary>
/// One test class's RefundSaver, wired to the App Store simulator as the AppHost wires it: its own
/// database, the simulator's base URLs and root (trusted for Production too), a credentials key of
/// its own, and quick dispatcher settings. Its host listens on Kestrel, so that the simulator can
/// post notifications to it.
/// </summary>
public sealed class AnsweringApi : IAsyncDisposable
{
    private readonly RealServersFixture _servers;
    private readonly ConcurrentQueue<ApiFactory> _others = new();

    private AnsweringApi(RealServersFixture servers, ApiFactory host, Uri url, string databaseConnectionString, IReadOnlyDictionary<string, string?> settings)
    {
        _servers = servers;
        Host = host;
        Url = url;
        DatabaseConnectionString = databaseConnectionString;
        Settings = settings;
    }

    /// <summary>The host that receives the simulator's notifications (and, unless told otherwise, answers them).</summary>
    public ApiFactory Host { get; }

    public Uri Url { get; }

    public Uri WebhookUrl => new(Url, AppStoreWebhookEndpoints.Path);

    public string DatabaseConnectionString { get; }

    /// <summary>Every setting the host was given beyond its connection strings (the credentials key among them).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public static async Task<AnsweringApi> StartAsync(
        RealServersFixture servers,
        SimulatorProcess simulator,
        IReadOnlyDictionary<string, string?>? overrides = null,
        Action<IServiceCollection>? testServices = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AppStore:ProductionBaseUrl"] = simulator.ProductionBaseUrl,
            ["AppStore:SandboxBaseUrl"] = simulator.SandboxBaseUrl,
            ["AppStore:Verification:ExtraTrustedRoots:0"] = simulator.RootPem,
            // The simulator plays Apple in Production too (most of these tests do), which an operator must allow.
            ["AppStore:Verification:AllowExtraRootsInProduction"] = "true",
            ["AppStore:CredentialsKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["AppStore:Client:RetryBaseDelayMilliseconds"] = "20",
            ["Dispatcher:MaxIdleSeconds"] = "1",
            ["Dispatcher:RetryFirstDelaySeconds"] = "0.2",
            ["Dispatcher:RetryMaxDelaySeconds"] = "2",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var database = await servers.CreateDatabaseAsync();
        var host = new ApiFactory(database, servers.RedisConnectionString, RealServersFixture.AdminToken, settings, testServices);
        try
        {
            var url = await Task.Run(host.StartOnKestrel);
            return new AnsweringApi(servers, host, url, database, settings);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Another RefundSaver on the same database and settings, as a second process would be (its own
    /// dispatcher, its own lease owner), on the in-memory test server. Disposed with this one, or earlier by the caller.
    /// </summary>
    public async Task<ApiFactory> StartAnotherAsync(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(Settings);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var other = new ApiFactory(DatabaseConnectionString, _servers.RedisConnectionString, RealServersFixture.AdminToken, settings);
        _others.Enqueue(other);
        await Task.Run(other.StartAsync);
        return other;
    }

    public HttpClient CreateAdminClient() => Host.CreateAdminClient();

    public async ValueTask DisposeAsync()
    {
        foreach (var other in _others)
        {
            await other.DisposeAsync();
        }

        await Host.DisposeAsync();
    }
}
