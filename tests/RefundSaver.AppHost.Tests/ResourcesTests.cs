using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
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
    public async Task Api_WhenStarted_ShouldBeGivenTheServersTheSimulatorAndTheStoredSecrets()
    {
        var model = AppHost.Application.Services.GetRequiredService<DistributedApplicationModel>();
        var api = (IResourceWithEnvironment)model.Resources.Single(resource => resource.Name == "api");
        var simulator = AppHost.Application.GetEndpoint("appstore", "http").AbsoluteUri.TrimEnd('/');

        var environment = (await ExecutionConfigurationBuilder.Create(api).WithEnvironmentVariablesConfig().BuildAsync(
            AppHost.Application.Services.GetRequiredService<DistributedApplicationExecutionContext>(), NullLogger.Instance)).EnvironmentVariables.ToDictionary();

        environment["ConnectionStrings__refundsaver"].ShouldBe(await AppHost.Application.GetConnectionStringAsync("refundsaver"));
        environment["ConnectionStrings__refundsaver"].ShouldContain("Database=refundsaver");
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
}
