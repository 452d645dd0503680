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
        checks["postgres"]!["status"]!.GetValue<string>().ShouldBe("Healthy");
        checks["redis"]!["status"]!.GetValue<string>().ShouldBe("Healthy");
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
