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
        var created = await admin.PostAsJsonAsync("/admin/api/apps", new { name = "Outage", bundle_id = "com.example.outage" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var jws = new JwsSigner(_chain).Sign(new JsonObject
        {
            ["notificationType"] = "TEST",
            ["notificationUUID"] = Guid.NewGuid().ToString(),
            ["signedDate"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            ["data"] = new JsonObject { ["bundleId"] = "com.example.outage", ["environment"] = "Sandbox" },
        }.ToJsonString());
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
}
