using System.Net;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Api;

/// <summary>An API host whose admin API answers only on local port 9443.</summary>
public sealed class AdminPortTests(RealServersFixture servers) : IntegrationTest(servers)
{
    private const int AdminPort = 9443;

    public override async Task InitializeAsync() =>
        await UseApiAsync(new Dictionary<string, string?> { ["Admin:Port"] = AdminPort.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    [Fact]
    public async Task AdminApi_WhenCalledOnTheAdminPort_ShouldAnswer()
    {
        using var admin = Api.CreateAdminClient();

        var response = await admin.SendAsync(TestConnection.From(new(HttpMethod.Get, "/admin/api/apps"), "192.0.2.1", AdminPort));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(8080, RealServersFixture.AdminToken)]
    [InlineData(8080, "wrong-token")]
    [InlineData(AdminPort + 1, RealServersFixture.AdminToken)]
    public async Task AdminApi_WhenCalledOnAnotherPort_ShouldAnswer404AsIfAbsentWhateverTheToken(int port, string token)
    {
        using var client = Api.CreateClient();
        var request = TestConnection.From(new(HttpMethod.Get, "/admin/api/apps"), "192.0.2.1", port);
        request.Headers.Authorization = new("Bearer", token);
        // The Host header is the client's to write: naming the admin port in it opens nothing.
        request.Headers.Host = $"localhost:{AdminPort}";

        var response = await client.SendAsync(request);

        await ShouldBeErrorAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Webhook_WhenCalledOnThePublicPort_ShouldStillAnswer()
    {
        using var client = Api.CreateClient();

        var response = await client.SendAsync(TestConnection.From(Request(HttpMethod.Post, "/webhooks/app-store", "{}"), "192.0.2.1", 8080));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
