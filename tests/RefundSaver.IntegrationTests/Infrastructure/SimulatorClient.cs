using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace RefundSaver.IntegrationTests.Infrastructure;

/// <summary>The simulator's control API (<c>/simulator</c>): App Store Connect, the customers and Apple's refund desk.</summary>
public sealed class SimulatorClient(HttpClient http) : IDisposable
{
    /// <summary>An app in App Store Connect: its Apple id and an In-App Purchase key, shown once.</summary>
    public sealed record App(string BundleId, long AppleAppId, string Environment, string IssuerId, string KeyId, string PrivateKeyPem);

    public async Task<App> CreateAppAsync(string bundleId, string environment, Uri notificationUrl)
    {
        var created = await PostAsync("/simulator/apps", new JsonObject
        {
            ["bundle_id"] = bundleId,
            ["environment"] = environment,
            ["notification_url"] = notificationUrl.AbsoluteUri,
        }, HttpStatusCode.Created);
        return new App(
            bundleId,
            created["apple_app_id"]!.GetValue<long>(),
            created["environment"]!.GetValue<string>(),
            created["issuer_id"]!.GetValue<string>(),
            created["key_id"]!.GetValue<string>(),
            created["private_key_pem"]!.GetValue<string>());
    }

    /// <summary>A customer buys; the simulator sends the purchase's notification. Returns the transaction id.</summary>
    public async Task<string> PurchaseAsync(string bundleId, Guid? appAccountToken, string type = "Consumable", long price = 4990, string productId = "gems.500")
    {
        var purchase = await PostAsync($"/simulator/apps/{bundleId}/purchases", new JsonObject
        {
            ["product_id"] = productId,
            ["type"] = type,
            ["price"] = price,
            ["currency"] = "USD",
            ["app_account_token"] = appAccountToken?.ToString(),
        }, HttpStatusCode.Created);
        return purchase["transaction_id"]!.GetValue<string>();
    }

    /// <summary>The customer asks Apple for a refund: Apple sends the signed CONSUMPTION_REQUEST.</summary>
    public Task RequestRefundAsync(string transactionId, string reason = "UNINTENDED_PURCHASE") =>
        PostAsync($"/simulator/transactions/{transactionId}/refund-request", new JsonObject { ["reason"] = reason }, HttpStatusCode.Accepted);

    /// <summary>Apple decides (<c>refund</c> or <c>decline</c>) and tells the app (REFUND or REFUND_DECLINED).</summary>
    public Task DecideAsync(string transactionId, string outcome) =>
        PostAsync($"/simulator/transactions/{transactionId}/decide", new JsonObject { ["outcome"] = outcome }, HttpStatusCode.OK);

    /// <summary>Every Send Consumption Information call received for the transaction, oldest first, with its answer.</summary>
    public async Task<JsonArray> ConsumptionCallsAsync(string transactionId) =>
        (await GetAsync($"/simulator/transactions/{transactionId}/consumption"))["calls"]!.AsArray();

    /// <summary>received, accepted, too_many_requests, client_errors, server_errors, max_received_per_second, …; null before the app's first call.</summary>
    public async Task<JsonNode?> StatsAsync(string bundleId) =>
        (await GetAsync($"/simulator/stats?bundle_id={Uri.EscapeDataString(bundleId)}")).AsArray().SingleOrDefault();

    /// <summary>The app's next <paramref name="count"/> consumption calls get this answer (after <paramref name="hangMs"/>). Returns the fault's id.</summary>
    public async Task<string> AddFaultAsync(string bundleId, int status, long? errorCode = null, int count = 1, int? hangMs = null, int? retryAfterMs = null)
    {
        var fault = await PostAsync("/simulator/faults", new JsonObject
        {
            ["bundle_id"] = bundleId,
            ["status"] = status,
            ["error_code"] = errorCode,
            ["count"] = count,
            ["hang_ms"] = hangMs,
            ["retry_after_ms"] = retryAfterMs,
        }, HttpStatusCode.Created);
        return fault["id"]!.GetValue<string>();
    }

    /// <summary>How many uses of the fault are left (0 once all were served).</summary>
    public async Task<int> FaultRemainingAsync(string faultId) =>
        (await GetAsync("/simulator/faults")).AsArray()
            .Where(fault => fault!["id"]!.GetValue<string>() == faultId)
            .Select(fault => fault!["remaining"]!.GetValue<int>())
            .SingleOrDefault();

    /// <summary>The notifications sent for the app, oldest first, with their delivery attempts.</summary>
    public async Task<JsonArray> NotificationsAsync(string bundleId, string? type = null) =>
        (await GetAsync($"/simulator/notifications?bundle_id={Uri.EscapeDataString(bundleId)}"
            + (type is null ? string.Empty : $"&notification_type={Uri.EscapeDataString(type)}"))).AsArray();

    public void Dispose() => http.Dispose();

    private async Task<JsonNode> GetAsync(string path)
    {
        using var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {path}: {text}");
        return JsonNode.Parse(text)!;
    }

    private async Task<JsonNode> PostAsync(string path, JsonObject body, HttpStatusCode expected)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, $"POST {path}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }
}
