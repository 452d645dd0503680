using System.Net;
using System.Net.Http.Json;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Api;

public sealed class AdminAppsApiTests(RealServersFixture servers) : IntegrationTest(servers)
{
    private const string Path = "/admin/api/apps";

    [Fact]
    public async Task CreateApp_WhenValid_ShouldAnswer201WithAnApiKeyThatWorks()
    {
        using var admin = Api.CreateAdminClient();
        var bundleId = "com.example.admin" + Guid.NewGuid().ToString("N")[..8];

        var response = await admin.PostAsJsonAsync(Path, new { name = "Admin test", bundle_id = bundleId });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await ReadJsonAsync(response);
        body["bundle_id"]!.GetValue<string>().ShouldBe(bundleId);
        body["name"]!.GetValue<string>().ShouldBe("Admin test");
        var apiKey = body["api_key"]!.GetValue<string>();
        apiKey.ShouldStartWith("secret_live_");
        response.Headers.Location!.ToString().ShouldBe($"{Path}/{body["id"]!.GetValue<string>()}");
        using var appClient = Api.CreateAppClient(apiKey);
        var created = await appClient.SendAsync(Request(HttpMethod.Post, "/api/v2/server-side-api/profile/", "{}", "first"));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task CreateApp_WhenNoToken_ShouldAnswer401()
    {
        using var anonymous = Api.CreateClient();

        var response = await anonymous.PostAsJsonAsync(Path, new { name = "x", bundle_id = "com.example.x" });

        await ShouldBeErrorAsync(response, HttpStatusCode.Unauthorized, "not_authenticated");
    }

    [Fact]
    public async Task CreateApp_WhenTokenIsWrong_ShouldAnswer401()
    {
        using var client = Api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-the-admin-token");

        var response = await client.GetAsync(Path);

        await ShouldBeErrorAsync(response, HttpStatusCode.Unauthorized, "not_authenticated");
    }

    [Fact]
    public async Task ListApps_WhenAppKeyUsedInsteadOfAdminToken_ShouldAnswer401()
    {
        var app = await CreateAppAsync();

        var response = await app.Client.GetAsync(Path);

        await ShouldBeErrorAsync(response, HttpStatusCode.Unauthorized, "not_authenticated");
    }

    [Theory]
    [InlineData("""{"name": "x"}""", "bundle_id")]
    [InlineData("""{"bundle_id": "com.example.y"}""", "name")]
    [InlineData("""{"name": "x", "bundle_id": "has spaces"}""", "bundle_id")]
    [InlineData("""{"name": 5, "bundle_id": "com.example.z"}""", "name")]
    [InlineData("{", "non_field_errors")]
    public async Task CreateApp_WhenInputIsBad_ShouldAnswer400NamingTheField(string json, string field)
    {
        using var admin = Api.CreateAdminClient();

        var response = await admin.PostAsync(Path, Json(json));

        await ShouldBeErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", field);
    }

    [Fact]
    public async Task CreateApp_WhenBundleIdTaken_ShouldAnswer409()
    {
        using var admin = Api.CreateAdminClient();
        var bundleId = "com.example.dup" + Guid.NewGuid().ToString("N")[..8];
        (await admin.PostAsJsonAsync(Path, new { name = "one", bundle_id = bundleId })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var response = await admin.PostAsJsonAsync(Path, new { name = "two", bundle_id = bundleId });

        await ShouldBeErrorAsync(response, HttpStatusCode.Conflict, "app_already_exists", "bundle_id");
    }

    [Fact]
    public async Task ListApps_WhenAppsExist_ShouldIncludeThemWithoutSecrets()
    {
        var app = await CreateAppAsync();
        using var admin = Api.CreateAdminClient();

        var response = await admin.GetAsync(Path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldNotContain(app.ApiKey);
        var apps = (await ReadJsonAsync(response))["data"]!.AsArray();
        apps.Select(node => node!["id"]!.GetValue<string>()).ShouldContain(app.Id.ToString());
    }

    [Fact]
    public async Task GetApp_WhenUnknown_ShouldAnswer404()
    {
        using var admin = Api.CreateAdminClient();

        var response = await admin.GetAsync($"{Path}/{Guid.NewGuid()}");

        await ShouldBeErrorAsync(response, HttpStatusCode.NotFound, "app_does_not_exist");
    }

    [Fact]
    public async Task CreateApiKey_WhenAppExists_ShouldGiveASecondWorkingKeyListedWithoutItsSecret()
    {
        var app = await CreateAppAsync();
        using var admin = Api.CreateAdminClient();

        var response = await admin.PostAsJsonAsync($"{Path}/{app.Id}/api-keys", new { name = "ci" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var secondKey = (await ReadJsonAsync(response))["api_key"]!.GetValue<string>();
        secondKey.ShouldNotBe(app.ApiKey);
        using var secondClient = Api.CreateAppClient(secondKey);
        (await secondClient.SendAsync(Request(HttpMethod.Post, "/api/v2/server-side-api/profile/", "{}", "via-second-key")))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var listing = await admin.GetAsync($"{Path}/{app.Id}/api-keys");
        var listingText = await listing.Content.ReadAsStringAsync();
        listingText.ShouldNotContain(secondKey);
        listingText.ShouldNotContain(app.ApiKey);
        (await ReadJsonAsync(listing))["data"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task RevokeApiKey_WhenRevoked_ShouldStopOnlyThatKey()
    {
        var app = await CreateAppAsync();
        using var admin = Api.CreateAdminClient();
        var second = await ReadJsonAsync(await admin.PostAsJsonAsync($"{Path}/{app.Id}/api-keys", new { name = "temp" }));

        var response = await admin.DeleteAsync($"{Path}/{app.Id}/api-keys/{second["id"]!.GetValue<string>()}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadJsonAsync(response))["revoked_at"].ShouldNotBeNull();
        using var revokedClient = Api.CreateAppClient(second["api_key"]!.GetValue<string>());
        await ShouldBeErrorAsync(
            await revokedClient.SendAsync(Request(HttpMethod.Get, "/api/v2/server-side-api/profile/", customerUserId: "x")),
            HttpStatusCode.Unauthorized,
            "not_authenticated");
        (await app.Client.SendAsync(Request(HttpMethod.Post, "/api/v2/server-side-api/profile/", "{}", "still-works")))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task RevokeApiKey_WhenKeyBelongsToAnotherApp_ShouldAnswer404()
    {
        var owner = await CreateAppAsync();
        var other = await CreateAppAsync();
        using var admin = Api.CreateAdminClient();
        var keys = await ReadJsonAsync(await admin.GetAsync($"{Path}/{owner.Id}/api-keys"));

        var response = await admin.DeleteAsync($"{Path}/{other.Id}/api-keys/{keys["data"]![0]!["id"]!.GetValue<string>()}");

        await ShouldBeErrorAsync(response, HttpStatusCode.NotFound, "api_key_does_not_exist");
    }
}
