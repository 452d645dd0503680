using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace RefundSaver.IntegrationTests.Infrastructure;

/// <summary>
/// Base of the tests of answering Apple end to end: the shared App Store simulator, the class's own
/// RefundSaver (<see cref="AnsweringApi"/>), and the steps of the refund flow as scripts/demo.sh
/// takes them, over HTTP. Each test makes its own apps (unique bundle ids) in both systems.
/// </summary>
[Collection(IntegrationCollection.Name)]
public abstract class AnsweringTest(RealServersFixture servers) : IAsyncLifetime
{
    public const string ConsumptionRequestsPath = "consumption-requests";

    /// <summary>How long a request may take to be answered when nothing delays it on purpose.</summary>
    protected static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(15);

    protected static readonly IReadOnlyList<string> FinalStates = ["answered", "skipped", "failed", "expired"];

    private readonly List<IDisposable> _disposables = [];
    private HttpClient? _admin;

    protected RealServersFixture Servers => servers;

    protected SimulatorProcess Simulator { get; private set; } = null!;

    /// <summary>The simulator's control API.</summary>
    protected SimulatorClient Apple { get; private set; } = null!;

    protected AnsweringApi Api { get; private set; } = null!;

    /// <summary>The admin API of the class's RefundSaver.</summary>
    protected HttpClient Admin => _admin ??= Track(Api.CreateAdminClient());

    /// <summary>Settings of the class's RefundSaver beyond the common test ones (read once, when the first test starts it).</summary>
    protected virtual IReadOnlyDictionary<string, string?>? ApiSettings => null;

    /// <summary>Services of the class's RefundSaver replaced for the test (a fake clock, say).</summary>
    protected virtual void ConfigureApiServices(IServiceCollection services)
    {
    }

    public virtual async Task InitializeAsync()
    {
        Simulator = await Servers.SimulatorAsync();
        Apple = Track(new SimulatorClient(Simulator.CreateClient()));
        Api = await Servers.ClassResourceAsync(GetType(), () => AnsweringApi.StartAsync(Servers, Simulator, ApiSettings, ConfigureApiServices));
    }

    public virtual Task DisposeAsync()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }

        return Task.CompletedTask;
    }

    protected T Track<T>(T disposable)
        where T : IDisposable
    {
        _disposables.Add(disposable);
        return disposable;
    }

    /// <summary>An app in both systems, as an operator configures it.</summary>
    protected sealed record ConfiguredApp(Guid Id, string BundleId, string Environment, HttpClient Backend, CreatedApp Apple);

    /// <summary>
    /// The app in RefundSaver and at the App Store (in <paramref name="environment"/>, notifications
    /// to <paramref name="webhook"/> or the class's RefundSaver), then its Apple identity, key and
    /// policy in RefundSaver: always_decline, opt_in, both environments; <paramref name="settings"/> override.
    /// </summary>
    protected async Task<ConfiguredApp> CreateAppAsync(
        string environment = "Production", string apiVersion = "v2", JsonObject? settings = null, Uri? webhook = null)
    {
        var bundleId = "com.example.answering" + Guid.NewGuid().ToString("N")[..16];
        var created = await Admin.PostAsJsonAsync("/admin/api/apps", new { name = "Answering test", bundle_id = bundleId });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var app = await ReadJsonAsync(created);
        var apple = await Apple.CreateAppAsync(environment, webhook ?? Api.WebhookUrl, bundleId);

        var patch = new JsonObject
        {
            ["apple_app_id"] = apple.AppleAppId,
            ["environments"] = new JsonArray("Production", "Sandbox"),
            ["app_store_credentials"] = new JsonObject
            {
                ["issuer_id"] = apple.IssuerId,
                ["key_id"] = apple.KeyId,
                ["private_key_pem"] = apple.PrivateKeyPem,
            },
            ["refund_policy"] = "always_decline",
            ["consumption_api_version"] = apiVersion,
            ["consent_default"] = "opt_in",
        };
        foreach (var (name, value) in settings ?? [])
        {
            patch[name] = value?.DeepClone();
        }

        var id = Guid.Parse(app["id"]!.GetValue<string>());
        var patched = await Admin.PatchAsync($"/admin/api/apps/{id}", Json(patch));
        patched.StatusCode.ShouldBe(HttpStatusCode.OK, await patched.Content.ReadAsStringAsync());
        var backend = Track(Api.Host.CreateAppClient(app["api_key"]!.GetValue<string>()));
        return new ConfiguredApp(id, bundleId, environment, backend, apple);
    }

    /// <summary>A profile of the app's backend; its consent set when <paramref name="consent"/> is given. Returns the profile id.</summary>
    protected static async Task<Guid> CreateCustomerAsync(ConfiguredApp app, bool? consent, string? customerUserId = null)
    {
        customerUserId ??= "customer-" + Guid.NewGuid().ToString("N")[..12];
        using var created = await app.Backend.SendAsync(BackendRequest(HttpMethod.Post, "/api/v2/server-side-api/profile/", "{}", customerUserId));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var profileId = Guid.Parse((await ReadJsonAsync(created))["data"]!["profile_id"]!.GetValue<string>());
        if (consent is { } given)
        {
            using var set = await app.Backend.SendAsync(BackendRequest(
                HttpMethod.Post,
                "/api/v2/server-side-api/purchase/profile/refund-saver/settings/",
                new JsonObject { ["consent"] = given }.ToJsonString(),
                customerUserId));
            set.StatusCode.ShouldBe(HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
        }

        return profileId;
    }

    /// <summary>The customer (token <paramref name="appAccountToken"/>) buys and asks Apple for a refund. Returns the transaction id.</summary>
    protected async Task<string> BuyAndAskForRefundAsync(ConfiguredApp app, Guid? appAccountToken, string reason = "UNINTENDED_PURCHASE")
    {
        var transactionId = await Apple.BuyAsync(app.Apple, appAccountToken);
        await Apple.RequestRefundAsync(transactionId, reason);
        return transactionId;
    }

    /// <summary><paramref name="count"/> purchases of one customer, each then disputed (a few at a time, as customers would). Returns the transaction ids.</summary>
    protected async Task<IReadOnlyList<string>> ManyRefundRequestsAsync(ConfiguredApp app, Guid appAccountToken, int count)
    {
        List<string> transactionIds = [];
        foreach (var batch in Enumerable.Range(0, count).Chunk(10))
        {
            transactionIds.AddRange(await Task.WhenAll(batch.Select(_ => BuyAndAskForRefundAsync(app, appAccountToken))));
        }

        return transactionIds;
    }

    /// <summary>Polls the app's requests until there are <paramref name="count"/> and all are in <paramref name="state"/>.</summary>
    protected Task<JsonArray> WaitForAllAsync(Guid appId, int count, string state, TimeSpan timeout) =>
        Eventually.UntilAsync(
            () => ListRequestsAsync(appId),
            requests => requests.Count == count && requests.All(request => StateOf(request!) == state),
            $"{count} consumption requests to be {state}",
            timeout);

    /// <summary>The app's consumption requests (up to 200), newest first.</summary>
    protected async Task<JsonArray> ListRequestsAsync(Guid appId)
    {
        using var response = await Admin.GetAsync($"/admin/api/apps/{appId}/{ConsumptionRequestsPath}?page_size=200");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await ReadJsonAsync(response))["data"]!.AsArray();
    }

    protected async Task<JsonNode?> FindRequestAsync(Guid appId, string transactionId) =>
        (await ListRequestsAsync(appId)).SingleOrDefault(request => request!["transaction_id"]!.GetValue<string>() == transactionId);

    /// <summary>Polls the request of <paramref name="transactionId"/> until <paramref name="done"/> holds; returns it as listed.</summary>
    protected async Task<JsonNode> WaitForRequestAsync(
        Guid appId, string transactionId, Func<JsonNode, bool> done, string what, TimeSpan? timeout = null) =>
        (await Eventually.UntilAsync(
            () => FindRequestAsync(appId, transactionId),
            request => request is not null && done(request),
            $"the consumption request of transaction {transactionId} to be {what}",
            timeout ?? AnswerTimeout))!;

    protected Task<JsonNode> WaitForStateAsync(Guid appId, string transactionId, string state, TimeSpan? timeout = null) =>
        WaitForRequestAsync(appId, transactionId, request => StateOf(request) == state, state, timeout);

    protected Task<JsonNode> WaitForFinalAsync(Guid appId, string transactionId, TimeSpan? timeout = null) =>
        WaitForRequestAsync(appId, transactionId, request => FinalStates.Contains(StateOf(request)), "final", timeout);

    /// <summary>The request's detail: <c>request</c>, <c>body</c> and <c>attempt_log</c>.</summary>
    protected async Task<JsonNode> DetailAsync(Guid appId, JsonNode request)
    {
        using var response = await Admin.GetAsync($"/admin/api/apps/{appId}/{ConsumptionRequestsPath}/{request["id"]!.GetValue<string>()}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await ReadJsonAsync(response);
    }

    protected static string StateOf(JsonNode request) => request["state"]!.GetValue<string>();

    protected static string? StringOf(JsonNode? node) => node?.GetValue<string>();

    protected static HttpRequestMessage BackendRequest(HttpMethod method, string path, string json, string customerUserId) =>
        new(method, path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
            Headers = { { "adapty-customer-user-id", customerUserId } },
        };

    protected static StringContent Json(JsonNode json) => new(json.ToJsonString(), Encoding.UTF8, "application/json");

    protected static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("Empty JSON body.");
}
