using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Api.HostileInput;

/// <summary>Base of the tests that send the API what no client should: each test's own app, with a profile, and its bodies sent raw.</summary>
public abstract class HostileInputTest(RealServersFixture servers) : IntegrationTest(servers)
{
    /// <summary>A lone high surrogate as JSON writes it; no UTF-8 text can hold it, so neither can PostgreSQL.</summary>
    public const string LoneSurrogateEscape = "\\ud800";

    /// <summary>Stands for a value the JSON writer could not write, replaced in the text afterwards.</summary>
    private const string Marker = "\u0001marker\u0001";

    private HttpClient? _admin;

    protected HttpClient Admin => _admin ??= Api.CreateAdminClient();

    /// <summary>An app whose profile <see cref="BodyEndpoints.CustomerUserId"/> exists, so that every route gets past its lookups.</summary>
    protected async Task<TestApp> CreateAppWithProfileAsync()
    {
        var app = await CreateAppAsync();
        using var created = await app.Client.SendAsync(Request(HttpMethod.Post, "/api/v2/server-side-api/profile/", "{}", BodyEndpoints.CustomerUserId));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return app;
    }

    /// <summary>The endpoint's valid body with the string at <paramref name="fieldPath"/> replaced by <paramref name="rawJsonValue"/> as written.</summary>
    protected static string WithRawValue(BodyEndpoint endpoint, string fieldPath, string rawJsonValue)
    {
        var body = endpoint.Body();
        JsonNode parent = body;
        var steps = fieldPath.Split('.');
        foreach (var step in steps[..^1])
        {
            parent = int.TryParse(step, out var index) ? parent[index]! : parent[step]!;
        }

        var last = steps[^1];
        if (int.TryParse(last, out var at))
        {
            parent[at] = Marker;
        }
        else
        {
            parent[last] = Marker;
        }

        return body.ToJsonString().Replace(JsonValue.Create(Marker).ToJsonString(), rawJsonValue, StringComparison.Ordinal);
    }

    protected Task<HttpResponseMessage> SendAsync(BodyEndpoint endpoint, TestApp app, string body) =>
        SendAsync(endpoint, app, new StringContent(body, Encoding.UTF8, "application/json"));

    protected Task<HttpResponseMessage> SendAsync(BodyEndpoint endpoint, TestApp app, HttpContent content)
    {
        var request = new HttpRequestMessage(endpoint.Method, endpoint.Path(app.Id)) { Content = content };
        if (endpoint.Caller == Caller.App)
        {
            request.Headers.Add("adapty-customer-user-id", BodyEndpoints.CustomerUserId);
        }

        return ClientFor(endpoint.Caller, app).SendAsync(request);
    }

    protected HttpClient ClientFor(Caller caller, TestApp app) => caller switch
    {
        Caller.Admin => Admin,
        Caller.App => app.Client,
        _ => Api.CreateClient(),
    };

    /// <summary>Asserts the documented error body (any code), whatever the 4xx.</summary>
    protected static async Task ShouldBeDocumentedClientErrorAsync(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBeInRange(400, 499, $"{what} answered {(int)response.StatusCode}: {text}");
        var body = JsonNode.Parse(text)!.AsObject();
        string.Join(",", body.Select(property => property.Key).Order()).ShouldBe("error_code,errors,status_code", what);
        body["status_code"]!.GetValue<int>().ShouldBe((int)response.StatusCode, what);
        body["error_code"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace(what);
        var errors = body["errors"]!.AsArray();
        errors.Count.ShouldBeGreaterThan(0, what);
        foreach (var entry in errors)
        {
            entry!["source"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace(what);
            entry["errors"]!.AsArray().Count.ShouldBeGreaterThan(0, what);
        }
    }
}
