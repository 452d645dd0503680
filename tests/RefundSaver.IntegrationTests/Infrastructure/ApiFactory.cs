using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace RefundSaver.IntegrationTests.Infrastructure;

/// <summary>The real API in process, on a real database and Redis.</summary>
public sealed class ApiFactory(
    string databaseConnectionString,
    string redisConnectionString,
    string? adminToken,
    IReadOnlyDictionary<string, string?>? settings) : WebApplicationFactory<Program>
{
    public string DatabaseConnectionString => databaseConnectionString;

    /// <summary>Builds and starts the host (which applies the migrations).</summary>
    public Task StartAsync()
    {
        _ = Server;
        return Task.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:refundsaver", databaseConnectionString);
        builder.UseSetting("ConnectionStrings:redis", redisConnectionString);
        builder.UseSetting("Admin:Token", adminToken ?? string.Empty);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
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
