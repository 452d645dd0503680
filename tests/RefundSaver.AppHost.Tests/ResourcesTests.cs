using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RefundSaver.AppHost.Tests.Infrastructure;

namespace RefundSaver.AppHost.Tests;

/// <summary>What `dotnet run --project RefundSaver.AppHost` brings up, as the dashboard shows it.</summary>
[Collection(AppHostCollection.Name)]
[Trait(AppHostTraits.Servers, AppHostTraits.AnyServers)]
public sealed class ResourcesTests(AppHostFixture fixture)
{
    private RunningAppHost AppHost => fixture.AppHost;

    [Theory]
    [InlineData("postgres")]
    [InlineData("refundsaver")]
    [InlineData("redis")]
    [InlineData("appstore")]
    [InlineData("api")]
    public async Task Start_WhenRunInDevelopment_ShouldBringTheResourceToRunningAndHealthy(string resource)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var state = await AppHost.Application.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);

        state.Snapshot.State?.Text.ShouldBe(KnownResourceStates.Running);
        state.Snapshot.HealthStatus.ShouldBe(HealthStatus.Healthy);
    }

    [Fact]
    public async Task ApiHealth_WhenEverythingRuns_ShouldReportPostgresAndRedisHealthy()
    {
        using var api = AppHost.CreateApiClient();

        var response = await api.GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var checks = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["checks"]!;
        checks["PostgreSql"]!["status"]!.GetValue<string>().ShouldBe("Healthy");
        checks["StackExchange.Redis"]!["status"]!.GetValue<string>().ShouldBe("Healthy");
    }

    [Fact]
    public async Task Api_WhenRunning_ShouldWorkAsARoleThatMayOnlyReadAndWriteRows()
    {
        await using var owner = new NpgsqlConnection(await AppHost.Application.GetConnectionStringAsync("refundsaver"));
        await owner.OpenAsync();
        using var api = AppHost.CreateApiClient();
        (await api.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK, "the API's pool holds a connection now");

        var sessions = await QueryAsync(owner,
            "SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = 'refundsaver' AND backend_type = 'client backend' AND pid <> pg_backend_pid()");
        var role = await QueryAsync(owner,
            $"SELECT format('%s %s %s', rolsuper, rolcreatedb, rolcreaterole) FROM pg_roles WHERE rolname = '{RefundSaverAppHost.DatabaseApiRole}'");
        var mayChangeSchema = await QueryAsync(owner,
            $"SELECT has_schema_privilege('{RefundSaverAppHost.DatabaseApiRole}', 'public', 'CREATE')::text");
        var mayRewriteHistory = await QueryAsync(owner,
            $"SELECT has_table_privilege('{RefundSaverAppHost.DatabaseApiRole}', '\"__EFMigrationsHistory\"', 'INSERT,UPDATE,DELETE')::text");
        var mayWriteProfiles = await QueryAsync(owner,
            $"SELECT has_table_privilege('{RefundSaverAppHost.DatabaseApiRole}', 'profiles', 'SELECT,INSERT,UPDATE,DELETE')::text");

        sessions.ShouldBe([RefundSaverAppHost.DatabaseApiRole], "the migrations' owner connections are closed once they are done");
        role.ShouldBe(["f f f"], "no superuser, no databases, no roles");
        mayChangeSchema.ShouldBe(["false"]);
        mayRewriteHistory.ShouldBe(["false"]);
        mayWriteProfiles.ShouldBe(["true"]);
    }

    [Fact]
    public async Task Api_WhenStarted_ShouldBeGivenTheServersTheSimulatorAndTheStoredSecrets()
    {
        var model = AppHost.Application.Services.GetRequiredService<DistributedApplicationModel>();
        var api = (IResourceWithEnvironment)model.Resources.Single(resource => resource.Name == "api");
        var simulator = AppHost.Application.GetEndpoint("appstore", "http").AbsoluteUri.TrimEnd('/');

        var environment = (await ExecutionConfigurationBuilder.Create(api).WithEnvironmentVariablesConfig().BuildAsync(
            AppHost.Application.Services.GetRequiredService<DistributedApplicationExecutionContext>(), NullLogger.Instance)).EnvironmentVariables.ToDictionary();

        environment["ConnectionStrings__refundsaver-owner"].ShouldBe(await AppHost.Application.GetConnectionStringAsync("refundsaver"));
        var apiDatabase = new NpgsqlConnectionStringBuilder(environment["ConnectionStrings__refundsaver"]);
        apiDatabase.Username.ShouldBe(RefundSaverAppHost.DatabaseApiRole);
        apiDatabase.Password.ShouldBe(File.ReadAllText(Path.Combine(AppHost.DataDirectory, "database-api-password")).Trim());
        apiDatabase.Database.ShouldBe("refundsaver");
        environment["ConnectionStrings__redis"].ShouldBe(await AppHost.Application.GetConnectionStringAsync("redis"));
        environment["Admin__Token"].ShouldBe(AppHost.AdminToken);
        Convert.FromBase64String(environment["AppStore__CredentialsKey"]).Length.ShouldBe(32);
        environment["AppStore__ProductionBaseUrl"].TrimEnd('/').ShouldBe(simulator);
        environment["AppStore__SandboxBaseUrl"].ShouldBe(simulator + "/sandbox");
        environment["AppStore__Verification__ExtraTrustedRoots__0"]
            .ShouldBe(File.ReadAllText(Path.Combine(AppHost.DataDirectory, "appstore-chain", "root.pem")));
        environment["DOTNET_GCgen0size"].ShouldBe("0x2000000");
        environment["ASPNETCORE_ENVIRONMENT"].ShouldBe("Development", "the AppHost's own environment, whatever the API's launch profile says");
    }

    private static async Task<List<string>> QueryAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        List<string> values = [];
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
