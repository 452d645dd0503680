using System.Net;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Api;

public sealed class HealthTests(RealServersFixture servers) : IntegrationTest(servers)
{
    [Fact]
    public async Task Health_WhenPostgresAndRedisAreUp_ShouldAnswer200NamingBoth()
    {
        using var client = Api.CreateClient();

        var response = await client.GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var checks = (await ReadJsonAsync(response))["checks"]!;
        checks["PostgreSql"]!["status"]!.GetValue<string>().ShouldBe("Healthy");
        checks["StackExchange.Redis"]!["status"]!.GetValue<string>().ShouldBe("Healthy");
    }

    [Fact]
    public async Task Health_WhenRedisIsDown_ShouldAnswer503NamingRedisWhileTheApiKeepsServingAndRecover()
    {
        var app = await CreateAppAsync();
        using var client = Api.CreateClient();

        HttpResponseMessage health;
        HttpResponseMessage created;
        await using (await Servers.StopRedisAsync())
        {
            health = await client.GetAsync("/health");
            created = await app.Client.SendAsync(Request(HttpMethod.Post, "/api/v2/server-side-api/profile/", "{}", "during-outage"));
        }

        health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var checks = (await ReadJsonAsync(health))["checks"]!;
        checks["StackExchange.Redis"]!["status"]!.GetValue<string>().ShouldBe("Unhealthy");
        checks["PostgreSql"]!["status"]!.GetValue<string>().ShouldBe("Healthy");
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await WaitUntilHealthyAsync(client)).ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>The Redis client reconnects in the background; give it a bounded while.</summary>
    private static async Task<HttpStatusCode> WaitUntilHealthyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        HttpStatusCode status;
        do
        {
            await Task.Delay(200);
            status = (await client.GetAsync("/health")).StatusCode;
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);

        return status;
    }

    [Fact]
    public async Task Alive_WhenRunning_ShouldAnswer200()
    {
        using var client = Api.CreateClient();

        (await client.GetAsync("/alive")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("GET", "/no/such/path", HttpStatusCode.NotFound, "not_found")]
    [InlineData("PUT", "/api/v2/server-side-api/profile/", HttpStatusCode.MethodNotAllowed, "method_not_allowed")]
    public async Task UnknownRouteOrMethod_WhenRequested_ShouldAnswerInTheErrorShape(
        string method, string path, HttpStatusCode status, string code)
    {
        using var client = Api.CreateClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await ShouldBeErrorAsync(response, status, code);
    }
}
