using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RefundSaver.IntegrationTests.Infrastructure;

/// <summary>The real API in process, on a real database and Redis.</summary>
public sealed class ApiFactory(
    string databaseConnectionString,
    string redisConnectionString,
    string? adminToken,
    IReadOnlyDictionary<string, string?>? settings,
    Action<IServiceCollection>? testServices = null) : WebApplicationFactory<Program>
{
    public string DatabaseConnectionString => databaseConnectionString;


    /// <summary>Builds and starts the host (which applies the migrations).</summary>
    public Task StartAsync()
    {
        _ = Server;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Starts the host on Kestrel at a free port instead of the in-memory test server, so that
    /// another server (the App Store simulator) can call it over real HTTP; returns its address.
    /// Clients made after this call go over the network too.
    /// </summary>
    public Uri StartOnKestrel()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // "Testing", unless the settings name another environment (WebHostDefaults.EnvironmentKey), as a test of Development does.
        builder.UseEnvironment(settings?.GetValueOrDefault(WebHostDefaults.EnvironmentKey) ?? "Testing");
        builder.UseSetting("ConnectionStrings:refundsaver", databaseConnectionString);
        builder.UseSetting("ConnectionStrings:redis", redisConnectionString);
        builder.UseSetting("Admin:Token", adminToken ?? string.Empty);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, TestConnection>());
        // Every record at every level, whatever the API's own filters: the run is swept for secrets.
        builder.ConfigureLogging(logging => logging
            .AddProvider(new SecretSweepingLoggerProvider())
            .AddFilter<SecretSweepingLoggerProvider>(null, LogLevel.Trace));
        if (testServices is not null)
        {
            builder.ConfigureTestServices(testServices);
        }
    }

    public HttpClient CreateAdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", adminToken);
        return client;
    }

    public HttpClient CreateAppClient(string apiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Api-Key", apiKey);
        return client;
    }
}
