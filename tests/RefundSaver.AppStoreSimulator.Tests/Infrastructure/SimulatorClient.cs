using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RefundSaver.AppStoreSimulator.Tests.Infrastructure;

/// <summary>The simulator's two faces for tests: its control API (<c>/simulator</c>) and Apple's API, called with valid or crafted tokens.</summary>
public sealed class SimulatorClient(HttpClient http, TimeProvider time) : IDisposable
{
    public static readonly JsonSerializerOptions SnakeCase = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public HttpClient Http { get; } = http;

    public DateTimeOffset Now => time.GetUtcNow();

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
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
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
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<string> PurchaseTransactionIdAsync(CreatedApp app, string type = "Consumable", JsonObject? extra = null) =>
        (await PurchaseAsync(app, type, extra)).GetProperty("transaction_id").GetString()!;

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
        var response = await Http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> PostJsonAsync(string path, JsonObject? body, System.Net.HttpStatusCode expected)
    {
        var response = await Http.PostAsJsonAsync(path, body ?? []);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => Http.Dispose();

    public static string NewBundleId() => $"com.example.test{Guid.NewGuid():N}";
}
