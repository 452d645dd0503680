using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using RefundSaver.AppStoreSimulator.Signing;
using RefundSaver.Hosting;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Api;

/// <summary>An API on a PostgreSQL server of its own, which the test stops and starts again.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class DatabaseOutageTests(RealServersFixture servers) : IAsyncLifetime
{
    private readonly SigningChain _chain = SigningChain.Create();
    private DistributedApplication _database = null!;
    private ApiFactory _api = null!;

    public async Task InitializeAsync()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions());
        builder.AddPostgres("outage-postgres").WithServerSetting("fsync", "off").AddDatabase("outage", "refundsaver");
        _database = builder.Build();
        await _database.StartAsync();
        _api = new ApiFactory(
            (await _database.GetConnectionStringAsync("outage"))!,
            servers.RedisConnectionString,
            RealServersFixture.AdminToken,
            new Dictionary<string, string?> { ["AppStore:Verification:ExtraTrustedRoots:0"] = _chain.Root.ExportCertificatePem() });
        await _api.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _database.DisposeAsync();
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

        await _database.StopResourceAsync("outage-postgres");
        var duringOutage = await client.PostAsJsonAsync("/webhooks/app-store", new { signedPayload = jws });
        var healthDuringOutage = await client.GetAsync("/health");
        await _database.StartResourceAsync("outage-postgres");
        var retry = await client.PostAsJsonAsync("/webhooks/app-store", new { signedPayload = jws });

        duringOutage.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        duringOutage.Headers.RetryAfter.ShouldNotBeNull();
        (await duringOutage.Content.ReadAsStringAsync()).ShouldContain("service_unavailable");
        healthDuringOutage.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await retry.Content.ReadFromJsonAsync<JsonObject>())!["duplicate"]!.GetValue<bool>().ShouldBeFalse();
    }
}
