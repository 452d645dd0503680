using System.Net;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Api;

[Collection(IntegrationCollection.Name)]
public sealed class AdminDisabledTests(RealServersFixture servers)
{
    [Fact]
    public async Task AdminApi_WhenNoAdminTokenConfigured_ShouldRefuseEveryTokenWithAClearMessage()
    {
        var api = await servers.ApiFor(GetType(), new Dictionary<string, string?> { ["Admin:Token"] = "" });
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "");

        var response = await client.GetAsync("/admin/api/apps");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Admin__Token");
    }
}
