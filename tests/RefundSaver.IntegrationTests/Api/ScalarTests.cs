using System.Net;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Api;

/// <summary>Scalar's page outside Development (this host runs as "Testing").</summary>
public sealed class ScalarTests(RealServersFixture servers) : IntegrationTest(servers)
{
    [Theory]
    [InlineData("/scalar")]
    [InlineData("/scalar/")]
    [InlineData("/scalar/v1")]
    public async Task GetScalar_WhenNotDevelopment_ShouldAnswer404(string path)
    {
        using var client = Api.CreateClient();

        var response = await client.GetAsync(path);

        await ShouldBeErrorAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task GetDocument_WhenNotDevelopment_ShouldStillAnswer200()
    {
        using var client = Api.CreateClient();

        var response = await client.GetAsync("/openapi/v1.json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
