using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RefundSaver.TestSupport.Simulator;

/// <summary>
/// The simulator's two faces for tests: its control API (<c>/simulator</c>: App Store Connect, the
/// customers and Apple's refund desk) and Apple's API, called with valid or crafted tokens.
/// </summary>
public sealed class SimulatorClient(HttpClient http, TimeProvider? time = null) : IDisposable
{
    public static readonly JsonSerializerOptions SnakeCase = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public HttpClient Http { get; } = http;

    public DateTimeOffset Now => (time ?? TimeProvider.System).GetUtcNow();

    public async Task<CreatedApp> CreateAppAsync(string? environment = null, Uri? notificationUrl = null, string? bundleId = null)
    {
        var body = new JsonObject { ["bundle_id"] = bundleId ?? NewBundleId() };
        if (environment is not null)
        {
            body["environment"] = environment;
        }

        if (notificationUrl is not null)
        {
            body["notification_url"] = notificationUrl.AbsoluteUri;
        }

        var response = await Http.PostAsJsonAsync("/simulator/apps", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CreatedApp>(SnakeCase))!;
    }

    /// <summary>Buys <paramref name="type"/> and returns the answer (transaction_id, …); <paramref name="extra"/> adds fields.</summary>
    public async Task<JsonElement> PurchaseAsync(CreatedApp app, string type = "Consumable", JsonObject? extra = null)
    {
        var body = new JsonObject { ["product_id"] = "com.example.product", ["type"] = type, ["price"] = 4990, ["currency"] = "USD" };
        foreach (var (name, value) in extra ?? [])
        {
            body[name] = value?.DeepClone();
        }

        var response = await Http.PostAsJsonAsync($"/simulator/apps/{app.BundleId}/purchases", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<string> PurchaseTransactionIdAsync(CreatedApp app, string type = "Consumable", JsonObject? extra = null) =>
        (await PurchaseAsync(app, type, extra)).GetProperty("transaction_id").GetString()!;

    /// <summary>A customer (<paramref name="appAccountToken"/>) buys; the simulator sends the purchase's notification. Returns the transaction id.</summary>
    public Task<string> BuyAsync(CreatedApp app, Guid? appAccountToken, string type = "Consumable") =>
        PurchaseTransactionIdAsync(app, type, new JsonObject { ["product_id"] = "gems.500", ["app_account_token"] = appAccountToken?.ToString() });

    /// <summary>The customer asks Apple for a refund: Apple sends the signed CONSUMPTION_REQUEST.</summary>
    public Task RequestRefundAsync(string transactionId, string reason = "UNINTENDED_PURCHASE") =>
        PostJsonAsync($"/simulator/transactions/{transactionId}/refund-request", new JsonObject { ["reason"] = reason }, HttpStatusCode.Accepted);

    /// <summary>Apple decides (<c>refund</c> or <c>decline</c>) and tells the app (REFUND or REFUND_DECLINED).</summary>
    public Task DecideAsync(string transactionId, string outcome) =>
        PostJsonAsync($"/simulator/transactions/{transactionId}/decide", new JsonObject { ["outcome"] = outcome }, HttpStatusCode.OK);

    /// <summary>Every Send Consumption Information call received for the transaction, oldest first, with its answer.</summary>
    public async Task<JsonArray> ConsumptionCallsAsync(string transactionId) =>
        (await GetNodeAsync($"/simulator/transactions/{transactionId}/consumption"))["calls"]!.AsArray();

    /// <summary>received, accepted, too_many_requests, client_errors, server_errors, max_received_per_second, …; null before the app's first call.</summary>
    public async Task<JsonNode?> StatsAsync(string bundleId) =>
        (await GetNodeAsync($"/simulator/stats?bundle_id={Uri.EscapeDataString(bundleId)}")).AsArray().SingleOrDefault();

    /// <summary>The app's next <paramref name="count"/> consumption calls get this answer (after <paramref name="hangMs"/>). Returns the fault's id.</summary>
    public async Task<string> AddFaultAsync(string bundleId, int status, long? errorCode = null, int count = 1, int? hangMs = null, int? retryAfterMs = null)
    {
        var fault = await PostJsonAsync("/simulator/faults", new JsonObject
        {
            ["bundle_id"] = bundleId,
            ["status"] = status,
            ["error_code"] = errorCode,
            ["count"] = count,
            ["hang_ms"] = hangMs,
            ["retry_after_ms"] = retryAfterMs,
        }, HttpStatusCode.Created);
        return fault.GetProperty("id").GetString()!;
    }

    /// <summary>How many uses of the fault are left (0 once all were served).</summary>
    public async Task<int> FaultRemainingAsync(string faultId) =>
        (await GetNodeAsync("/simulator/faults")).AsArray()
            .Where(fault => fault!["id"]!.GetValue<string>() == faultId)
            .Select(fault => fault!["remaining"]!.GetValue<int>())
            .SingleOrDefault();

    /// <summary>The notifications sent for the app, oldest first, with their delivery attempts.</summary>
    public async Task<JsonArray> NotificationsAsync(string bundleId, string? type = null) =>
        (await GetNodeAsync($"/simulator/notifications?bundle_id={Uri.EscapeDataString(bundleId)}"
            + (type is null ? string.Empty : $"&notification_type={Uri.EscapeDataString(type)}"))).AsArray();

    /// <summary>PUT Send Consumption Information (<paramref name="version"/> "v1" or "v2") through the app's own environment's base URL unless told.</summary>
    public Task<HttpResponseMessage> SendConsumptionAsync(
        CreatedApp app, string version, string transactionId, string body, string? environment = null, string? token = null)
    {
        var prefix = (environment ?? app.Environment) == "Sandbox" ? "/sandbox" : string.Empty;
        var request = new HttpRequestMessage(HttpMethod.Put, $"{prefix}/inApps/{version}/transactions/consumption/{transactionId}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token(app));
        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> SendConsumptionAsync(CreatedApp app, string version, string transactionId, JsonObject body, string? environment = null, string? token = null) =>
        SendConsumptionAsync(app, version, transactionId, body.ToJsonString(), environment, token);

    public Task<HttpResponseMessage> SendApiAsync(CreatedApp app, HttpMethod method, string path, string? token = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token(app));
        return Http.SendAsync(request);
    }

    public string Token(CreatedApp app, Func<TokenSpec, TokenSpec>? change = null)
    {
        var spec = ApiTokens.ValidSpec(app, Now);
        return ApiTokens.Create(app, change is null ? spec : change(spec));
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> PostJsonAsync(string path, JsonObject? body, HttpStatusCode expected)
    {
        var response = await Http.PostAsJsonAsync(path, body ?? []);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, $"POST {path}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => Http.Dispose();

    private async Task<JsonNode> GetNodeAsync(string path) => JsonNode.Parse((await GetJsonAsync(path)).GetRawText())!;

    public static string NewBundleId() => $"com.example.test{Guid.NewGuid():N}";
}
