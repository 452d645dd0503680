using System.Net;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Api;

/// <summary>An API host whose admin API answers only clients in 10.1.0.0/16 or at ::1.</summary>
public sealed class AdminNetworksTests(RealServersFixture servers) : IntegrationTest(servers)
{
    public override async Task InitializeAsync() => await UseApiAsync(new Dictionary<string, string?>
    {
        ["Admin:AllowedNetworks:0"] = "10.1.0.0/16",
        ["Admin:AllowedNetworks:1"] = "::1/128",
    });

    [Theory]
    [InlineData("10.1.0.0")]
    [InlineData("10.1.255.255")]
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("::1")]
    public async Task AdminApi_WhenTheClientIsInAnAllowedNetwork_ShouldAnswer(string address)
    {
        using var admin = Api.CreateAdminClient();

        var response = await admin.SendAsync(TestConnection.From(new(HttpMethod.Get, "/admin/api/apps"), address));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("10.0.255.255")]
    [InlineData("10.2.0.0")]
    [InlineData("127.0.0.1")]
    public async Task AdminApi_WhenTheClientIsOutsideTheAllowedNetworks_ShouldAnswer404(string address)
    {
        using var admin = Api.CreateAdminClient();

        var response = await admin.SendAsync(TestConnection.From(new(HttpMethod.Get, "/admin/api/apps"), address));

        await ShouldBeErrorAsync(response, HttpStatusCode.NotFound, "not_found");
    }
}
