using System.Net.Http.Json;
using System.Text.Json;
using RefundSaver.Hosting;

namespace RefundSaver.AppHost.Tests;

public sealed class DashboardTests
{
    [Fact]
    public async Task StartAsync_WhenDashboardEnabled_ShouldServePageResourcesAndLogs()
    {
        var builder = TestApplications.CreateBuilder(dashboardPort: 0);
        builder.AddRedis("redis");
        await using var app = builder.Build();
        await app.StartAsync(TestApplications.DeadlineToken());
        using var client = new HttpClient { BaseAddress = app.DashboardUrl.ShouldNotBeNull() };

        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var resources = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/resources", UriKind.Relative));
        var logs = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/resources/redis/logs?after=0", UriKind.Relative));
        using var unknown = await client.GetAsync(new Uri("/api/resources/nope/logs", UriKind.Relative));

        page.ShouldContain("<table");
        var redis = resources.EnumerateArray().ShouldHaveSingleItem();
        redis.GetProperty("name").GetString().ShouldBe("redis");
        redis.GetProperty("state").GetString().ShouldBe("Running");
        redis.GetProperty("url").GetString().ShouldBe("tcp://" + await app.GetConnectionStringAsync("redis") + "/");
        logs.EnumerateArray().ShouldContain(line => line.GetProperty("text").GetString()!.Contains("Ready to accept connections"));
        unknown.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }
}
