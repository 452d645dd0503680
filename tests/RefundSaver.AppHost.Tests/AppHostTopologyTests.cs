using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using RefundSaver.Hosting;

namespace RefundSaver.AppHost.Tests;

public sealed class AppHostTopologyTests
{
    [Fact]
    public async Task StartAsync_WhenRealTopologyConfigured_ShouldServeHealthAndAnswerARefundRequestThroughTheSimulator()
    {
        var builder = TestApplications.CreateBuilder();
        builder.Configuration["Admin:Token"] = "test-admin-token";
        AppHostTopology.Configure(builder);
        await using var app = builder.Build();

        await app.StartAsync(TestApplications.DeadlineToken());

        using var client = app.CreateHttpClient("api");
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        app.Resources.ShouldAllBe(resource => resource.State == ResourceState.Running);
        (await app.GetConnectionStringAsync("refundsaver")).ShouldNotBeNull().ShouldContain("Database=refundsaver");

        // The wiring a user relies on: the Api trusts the simulator's root, calls its URLs, and can seal keys.
        using var appStore = app.CreateHttpClient("appstore");
        client.DefaultRequestHeaders.Authorization = new("Bearer", "test-admin-token");
        var bundleId = $"com.example.apphost{Guid.NewGuid():N}"[..40];
        var created = await ReadAsync(await client.PostAsJsonAsync("/admin/api/apps", new { name = "AppHost", bundle_id = bundleId }));
        var apple = await ReadAsync(await appStore.PostAsJsonAsync(
            "/simulator/apps", new { bundle_id = bundleId, notification_url = $"{app.GetEndpoint("api")}webhooks/app-store" }));
        (await client.PatchAsJsonAsync($"/admin/api/apps/{created["id"]}", new
        {
            apple_app_id = (long)apple["apple_app_id"]!,
            consent_default = "opt_out",
            app_store_credentials = new { issuer_id = (string?)apple["issuer_id"], key_id = (string?)apple["key_id"], private_key_pem = (string?)apple["private_key_pem"] },
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var purchase = await ReadAsync(await appStore.PostAsJsonAsync(
            $"/simulator/apps/{bundleId}/purchases", new { product_id = "gems.100", type = "Consumable", price = 990, currency = "USD" }));
        var transactionId = (string)purchase["transaction_id"]!;

        (await appStore.PostAsJsonAsync($"/simulator/transactions/{transactionId}/refund-request", new { reason = "OTHER" }))
            .StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var calls = await EventuallyAsync(async () =>
        {
            var received = await ReadAsync(await appStore.GetAsync($"/simulator/transactions/{transactionId}/consumption"));
            return received["calls"]!.AsArray() is { Count: > 0 } list ? list : null;
        });
        calls.ShouldHaveSingleItem()!["status"]!.GetValue<int>().ShouldBe(202);
        var requests = await EventuallyAsync(async () =>
        {
            var listed = await ReadAsync(await client.GetAsync($"/admin/api/apps/{created["id"]}/consumption-requests"));
            return listed["data"]!.AsArray() is [{ } only] && (string?)only["state"] == "answered" ? only : null;
        });
        requests["preference"]!.GetValue<string>().ShouldBe("decline");
    }

    [Fact]
    public void ExtraTrustedRoots_WhenTheAppHostIsGivenRoots_ShouldListThemInIndexOrder()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AppStore:Verification:ExtraTrustedRoots:10"] = "third",
            ["AppStore:Verification:ExtraTrustedRoots:0"] = "first",
            ["AppStore:Verification:ExtraTrustedRoots:2"] = "second",
            ["AppStore:Verification:ExtraTrustedRoots:3"] = "",
        }).Build();

        AppHostTopology.ExtraTrustedRoots(configuration).ShouldBe(["first", "second", "third"]);
        AppHostTopology.ExtraTrustedRoots(new ConfigurationBuilder().Build()).ShouldBeEmpty();
    }

    [Fact]
    public void Configure_WhenNoCredentialsKeyConfigured_ShouldGenerate32BytesAndKeepThemInTheDataDirectory()
    {
        using var data = new TemporaryDirectory();

        var first = StoredSecrets.CredentialsKey(TestApplications.CreateBuilder(data.Path).Configuration, data.Path);
        var second = StoredSecrets.CredentialsKey(TestApplications.CreateBuilder(data.Path).Configuration, data.Path);

        Convert.FromBase64String(first).Length.ShouldBe(32);
        second.ShouldBe(first);
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        return JsonNode.Parse(body)!;
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, "the flow did not complete in 30 s");
            await Task.Delay(200);
        }
    }

    [Fact]
    public void Configure_WhenNoAdminTokenConfigured_ShouldGenerateOneAndKeepItInTheDataDirectory()
    {
        using var data = new TemporaryDirectory();

        var first = StoredSecrets.AdminToken(TestApplications.CreateBuilder(data.Path).Configuration, data.Path);
        var second = StoredSecrets.AdminToken(TestApplications.CreateBuilder(data.Path).Configuration, data.Path);

        first.Length.ShouldBe(43); // 32 bytes in base64url without padding
        second.ShouldBe(first);
    }
}
