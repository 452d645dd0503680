using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Api;

/// <summary>/health on hosts with one more check, which fails telling a secret: shown in Development only.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class HealthDetailTests(RealServersFixture servers)
{
    private const string Secret = "password=hunter2 at db.internal:5432";

    [Fact]
    public async Task Health_WhenNotDevelopment_ShouldAnswerOnlyEachChecksStatus()
    {
        var checks = await FailingHealthAsync("Testing");

        checks["leaky"]!.AsObject().Select(property => property.Key).ShouldBe(["status"]);
        checks["leaky"]!["status"]!.GetValue<string>().ShouldBe("Unhealthy");
        checks["PostgreSql"]!.AsObject().Select(property => property.Key).ShouldBe(["status"]);
        checks.ToJsonString().ShouldNotContain("hunter2");
    }

    [Fact]
    public async Task Health_WhenDevelopment_ShouldAnswerEachChecksDescriptionAndError()
    {
        var checks = await FailingHealthAsync(Environments.Development);

        checks["leaky"]!["status"]!.GetValue<string>().ShouldBe("Unhealthy");
        checks["leaky"]!["description"]!.GetValue<string>().ShouldBe("The leaky check failed.");
        checks["leaky"]!["error"]!.GetValue<string>().ShouldBe(Secret);
    }

    private async Task<JsonNode> FailingHealthAsync(string environment)
    {
        await using var api = new ApiFactory(
            await servers.CreateDatabaseAsync(),
            servers.RedisConnectionString,
            RealServersFixture.AdminToken,
            new Dictionary<string, string?> { [WebHostDefaults.EnvironmentKey] = environment },
            services => services.AddHealthChecks().AddCheck(
                "leaky", () => HealthCheckResult.Unhealthy("The leaky check failed.", new InvalidOperationException(Secret))));
        await api.StartAsync();
        using var client = api.CreateClient();

        var response = await client.GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["checks"]!;
    }
}
