using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RefundSaver.IntegrationTests.Infrastructure;

/// <summary>Base of the HTTP tests: the class's own API host, and each test makes its own app.</summary>
[Collection(IntegrationCollection.Name)]
public abstract class IntegrationTest(RealServersFixture servers) : IAsyncLifetime
{
    protected RealServersFixture Servers { get; } = servers;

    protected ApiFactory Api { get; private set; } = null!;

    public virtual Task InitializeAsync() => UseApiAsync(null);

    /// <summary>The class's API host, made with these settings on first use.</summary>
    protected async Task UseApiAsync(IReadOnlyDictionary<string, string?>? settings) =>
        Api = await Servers.ApiFor(GetType(), settings);

    /// <summary>A host the class made itself (with test services, say) as the class's API host.</summary>
    protected void UseApi(ApiFactory api) => Api = api;

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A new app (unique bundle id) and a client holding its API key.</summary>
    protected async Task<TestApp> CreateAppAsync()
    {
        using var admin = Api.CreateAdminClient();
        var response = await admin.PostAsJsonAsync("/admin/api/apps", new
        {
            name = "Test app",
            bundle_id = "com.example.t" + Guid.NewGuid().ToString("N"),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await ReadJsonAsync(response);
        var apiKey = body["api_key"]!.GetValue<string>();
        return new TestApp(Guid.Parse(body["id"]!.GetValue<string>()), apiKey, Api.CreateAppClient(apiKey));
    }

    protected static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("Empty JSON body.");
    }

    protected static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    protected static HttpRequestMessage Request(HttpMethod method, string path, string? json = null, string? customerUserId = null, string? profileId = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = Json(json);
        }

        if (customerUserId is not null)
        {
            request.Headers.Add("adapty-customer-user-id", customerUserId);
        }

        if (profileId is not null)
        {
            request.Headers.Add("adapty-profile-id", profileId);
        }

        return request;
    }

    /// <summary>Asserts the API's documented error shape and returns it.</summary>
    protected static async Task<JsonNode> ShouldBeErrorAsync(
        HttpResponseMessage response, HttpStatusCode status, string errorCode, string? source = null)
    {
        response.StatusCode.ShouldBe(status);
        var body = await ReadJsonAsync(response);
        body["error_code"]!.GetValue<string>().ShouldBe(errorCode);
        body["status_code"]!.GetValue<int>().ShouldBe((int)status);
        var errors = body["errors"]!.AsArray();
        errors.Count.ShouldBeGreaterThan(0);
        errors.ShouldAllBe(entry => entry!["errors"]!.AsArray().Count > 0);
        if (source is not null)
        {
            errors.Select(entry => entry!["source"]!.GetValue<string>()).ShouldContain(source);
        }

        return body;
    }

    protected static string Canonical(string json) => JsonSerializer.Serialize(JsonNode.Parse(json));
}
