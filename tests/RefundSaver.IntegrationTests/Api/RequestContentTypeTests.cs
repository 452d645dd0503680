using System.Net;
using System.Net.Http.Headers;
using System.Text;
using RefundSaver.Api.Endpoints;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Api;

/// <summary>A JSON body is read whatever content type it is sent with (curl's -d sends a form type), as it always was.</summary>
public sealed class RequestContentTypeTests(RealServersFixture servers) : IntegrationTest(servers)
{
    private static ByteArrayContent Body(string json, string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        if (contentType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        return content;
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task PostSettings_WhenJsonIsSentAsAnotherContentType_ShouldReadIt(string? contentType)
    {
        var app = await CreateAppAsync();
        (await app.Client.SendAsync(Request(HttpMethod.Post, ProfilesEndpoints.Path, "{}", "customer-1"))).EnsureSuccessStatusCode();
        using var request = Request(HttpMethod.Post, RefundSaverSettingsEndpoints.Path, customerUserId: "customer-1");
        request.Content = Body("""{"consent": true}""", contentType);

        var response = await app.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadJsonAsync(response))["settings"]!["consent"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task CreateApp_WhenJsonIsSentAsAForm_ShouldCreateIt()
    {
        using var admin = Api.CreateAdminClient();

        var response = await admin.PostAsync(
            AdminAppsEndpoints.Path, Body("""{"name": "Form", "bundle_id": "com.example.form"}""", "application/x-www-form-urlencoded"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}
