using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using RefundSaver.AppStoreSimulator.Signing;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Api;

/// <summary>An API on a PostgreSQL server of its own, which the test stops and starts again.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class DatabaseOutageTests(RealServersFixture servers) : IAsyncLifetime
{
    private readonly SigningChain _chain = SigningChain.Create();
    private ApiFactory _api = null!;

    public async Task InitializeAsync()
    {
        _api = new ApiFactory(
            await servers.StartSpareDatabaseAsync(),
            servers.RedisConnectionString,
            RealServersFixture.AdminToken,
            new Dictionary<string, string?> { ["AppStore:Verification:ExtraTrustedRoots:0"] = _chain.Root.ExportCertificatePem() });
        await _api.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await servers.StopServerAsync(RealServersFixture.SpareServer);
        _chain.Dispose();
    }

    [Fact]
    public async Task Webhook_WhenTheDatabaseIsDown_ShouldAnswer503AndAcceptTheRetryOnceItIsBack()
    {
        using var admin = _api.CreateAdminClient();
        var bundleId = await CreateAppAsync(admin);
        var jws = TestNotification(bundleId);
        using var client = _api.CreateClient();

        await servers.StopServerAsync(RealServersFixture.SpareServer);
        var duringOutage = await client.PostAsJsonAsync("/webhooks/app-store", new { signedPayload = jws });
        var healthDuringOutage = await client.GetAsync("/health");
        await servers.StartServerAsync(RealServersFixture.SpareServer);
        var retry = await client.PostAsJsonAsync("/webhooks/app-store", new { signedPayload = jws });

        duringOutage.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        duringOutage.Headers.RetryAfter.ShouldNotBeNull();
        (await duringOutage.Content.ReadAsStringAsync()).ShouldContain("service_unavailable");
        healthDuringOutage.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await retry.Content.ReadFromJsonAsync<JsonObject>())!["duplicate"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Writes_WhenTheDatabaseRestartedUnderWarmPools_ShouldSucceedAtTheFirstTry()
    {
        using var admin = _api.CreateAdminClient();
        var bundleId = await CreateAppAsync(admin, "settings");
        var created = await (await admin.PostAsJsonAsync("/admin/api/apps", new { name = "Keys", bundle_id = bundleId + ".keys" })).Content.ReadFromJsonAsync<JsonObject>();
        using var backend = _api.CreateAppClient(created!["api_key"]!.GetValue<string>());
        using var client = _api.CreateClient();
        (await client.PostAsJsonAsync("/webhooks/app-store", new { signedPayload = TestNotification(bundleId) })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SetConsentAsync(backend)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await servers.StopServerAsync(RealServersFixture.SpareServer);
        await servers.StartServerAsync(RealServersFixture.SpareServer);
        var notification = await client.PostAsJsonAsync("/webhooks/app-store", new { signedPayload = TestNotification(bundleId) });
        var settings = await SetConsentAsync(backend);

        notification.StatusCode.ShouldBe(HttpStatusCode.OK, await notification.Content.ReadAsStringAsync());
        settings.StatusCode.ShouldBe(HttpStatusCode.OK, await settings.Content.ReadAsStringAsync());
    }

    private static async Task<string> CreateAppAsync(HttpClient admin, string name = "outage")
    {
        var bundleId = $"com.example.{name}{Guid.NewGuid():N}";
        var created = await admin.PostAsJsonAsync("/admin/api/apps", new { name = "Outage", bundle_id = bundleId });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        return bundleId;
    }

    /// <summary>A profile's consent through the settings endpoint (its write goes through the batch writer).</summary>
    private static async Task<HttpResponseMessage> SetConsentAsync(HttpClient backend)
    {
        using var profile = new HttpRequestMessage(HttpMethod.Post, "/api/v2/server-side-api/profile/") { Content = JsonContent.Create(new { }) };
        profile.Headers.Add("adapty-customer-user-id", "restart-customer");
        (await backend.SendAsync(profile)).IsSuccessStatusCode.ShouldBeTrue();
        using var settings = new HttpRequestMessage(HttpMethod.Post, "/api/v2/server-side-api/purchase/profile/refund-saver/settings/")
        {
            Content = JsonContent.Create(new { consent = true }),
        };
        settings.Headers.Add("adapty-customer-user-id", "restart-customer");
        return await backend.SendAsync(settings);
    }

    private string TestNotification(string bundleId) => new JwsSigner(_chain).Sign(new JsonObject
    {
        ["notificationType"] = "TEST",
        ["notificationUUID"] = Guid.NewGuid().ToString(),
        ["signedDate"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        ["data"] = new JsonObject { ["bundleId"] = bundleId, ["environment"] = "Sandbox" },
    }.ToJsonString());
}
