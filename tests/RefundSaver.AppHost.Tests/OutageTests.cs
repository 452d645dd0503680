using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RefundSaver.AppHost.Tests.Infrastructure;

namespace RefundSaver.AppHost.Tests;

/// <summary>
/// A server stopped under the running AppHost (the dashboard's Stop): the API shows unhealthy, answers
/// as it documents meanwhile, and is healthy again by itself once the server is started again.
/// </summary>
[Collection(AppHostCollection.Name)]
[Trait(AppHostTraits.Servers, AppHostTraits.AnyServers)]
public sealed class OutageTests(AppHostFixture fixture)
{
    private static readonly TimeSpan HealthChangeTimeout = TimeSpan.FromSeconds(60);

    private RunningAppHost AppHost => fixture.AppHost;

    [Fact]
    public async Task Webhook_WhenPostgresStopsUnderTheAppHost_ShouldAnswer503UntilItIsBackThenTakeAppleRetry()
    {
        using var api = AppHost.CreateApiClient();
        using var apple = AppHost.CreateSimulatorClient();
        var bundleId = await CreateAppAtBothAsync(api, apple);

        await ExecuteAsync("postgres", KnownResourceCommands.StopCommand);
        await WaitForApiHealthAsync(HealthStatus.Unhealthy);
        var health = await api.GetAsync("/health");
        var undelivered = await SellAndAwaitFirstDeliveryAsync(apple, bundleId);
        await ExecuteAsync("postgres", KnownResourceCommands.StartCommand);
        await WaitForApiHealthAsync(HealthStatus.Healthy);
        var retry = await api.PostAsJsonAsync("/webhooks/app-store", new { signedPayload = undelivered!["signed_payload"]!.GetValue<string>() });

        health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        JsonNode.Parse(await health.Content.ReadAsStringAsync())!["checks"]!["PostgreSql"]!["status"]!.GetValue<string>().ShouldBe("Unhealthy");
        undelivered["attempts"]![0]!["http_status"]!.GetValue<int>().ShouldBe(503);
        retry.StatusCode.ShouldBe(HttpStatusCode.OK, await retry.Content.ReadAsStringAsync());
        (await retry.Content.ReadFromJsonAsync<JsonObject>())!["duplicate"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Api_WhenRedisStopsUnderTheAppHost_ShouldShowItUnhealthyServeOnAndRecover()
    {
        using var api = AppHost.CreateApiClient();
        using var apple = AppHost.CreateSimulatorClient();
        var bundleId = await CreateAppAtBothAsync(api, apple);

        await ExecuteAsync("redis", KnownResourceCommands.StopCommand);
        await WaitForApiHealthAsync(HealthStatus.Unhealthy);
        var health = await api.GetAsync("/health");
        var delivered = await SellAndAwaitFirstDeliveryAsync(apple, bundleId);
        await ExecuteAsync("redis", KnownResourceCommands.StartCommand);
        await WaitForApiHealthAsync(HealthStatus.Healthy);

        health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var checks = JsonNode.Parse(await health.Content.ReadAsStringAsync())!["checks"]!;
        checks["StackExchange.Redis"]!["status"]!.GetValue<string>().ShouldBe("Unhealthy");
        checks["PostgreSql"]!["status"]!.GetValue<string>().ShouldBe("Healthy");
        delivered!["attempts"]![0]!["http_status"]!.GetValue<int>().ShouldBe(200, "Redis down costs nothing but speed");
    }

    /// <summary>An app in RefundSaver and the same app at the simulator, whose notifications go to RefundSaver's webhook.</summary>
    private async Task<string> CreateAppAtBothAsync(HttpClient api, HttpClient apple)
    {
        var bundleId = "com.example.outage" + Guid.NewGuid().ToString("N")[..12];
        var webhook = new Uri(AppHost.Application.GetEndpoint("api", "http"), "/webhooks/app-store");
        var app = await api.PostJsonAsync("/admin/api/apps", new { name = "Outage", bundle_id = bundleId });
        var atApple = await apple.PostJsonAsync("/simulator/apps", new { bundle_id = bundleId, notification_url = webhook, environment = "Sandbox" });
        await api.SendAsync(HttpMethod.Patch, $"/admin/api/apps/{app["id"]!.GetValue<string>()}", new
        {
            apple_app_id = atApple["apple_app_id"]!.GetValue<long>(),
            environments = new[] { "Sandbox" },
        });
        return bundleId;
    }

    /// <summary>The simulator sells a purchase; its notification once Apple has tried to deliver it.</summary>
    private static async Task<JsonNode?> SellAndAwaitFirstDeliveryAsync(HttpClient apple, string bundleId)
    {
        await apple.PostJsonAsync($"/simulator/apps/{bundleId}/purchases", new { product_id = "gems.100", type = "Consumable", price = 990, currency = "USD" });
        return await JsonHttp.EventuallyAsync(
            async () => (await apple.GetJsonAsync($"/simulator/notifications?bundle_id={bundleId}")).AsArray().LastOrDefault(),
            notification => notification?["attempts"]?.AsArray().Count > 0,
            TimeSpan.FromSeconds(30),
            "Apple's first delivery attempt");
    }

    private async Task ExecuteAsync(string resource, string command)
    {
        var result = await AppHost.Application.ResourceCommands.ExecuteCommandAsync(resource, command);
        result.Success.ShouldBeTrue($"{command} on {resource}: {result.Message}");
    }

    private async Task WaitForApiHealthAsync(HealthStatus status)
    {
        using var timeout = new CancellationTokenSource(HealthChangeTimeout);
        await AppHost.Application.ResourceNotifications.WaitForResourceAsync(
            "api", update => update.Snapshot.HealthStatus == status, timeout.Token);
    }
}
