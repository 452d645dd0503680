using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Api;

/// <summary>Scalar's page on a host that runs in Development.</summary>
public sealed class ScalarDevelopmentTests(RealServersFixture servers) : IntegrationTest(servers)
{
    public override Task InitializeAsync() =>
        UseApiAsync(new Dictionary<string, string?> { [WebHostDefaults.EnvironmentKey] = Environments.Development });

    [Theory]
    [InlineData("/scalar")]
    [InlineData("/scalar/")]
    public async Task GetScalar_WhenDevelopment_ShouldAnswerTheReferencePageOfTheDocument(string path)
    {
        using var client = Api.CreateClient();

        var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync()).ShouldContain("openapi/v1.json");
    }

    [Fact]
    public async Task GetDocument_WhenDevelopment_ShouldAnswer200()
    {
        using var client = Api.CreateClient();

        var response = await client.GetAsync("/openapi/v1.json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
