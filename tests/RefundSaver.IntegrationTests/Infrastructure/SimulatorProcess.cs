using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using RefundSaver.Application.AppStore.Api;
using RefundSaver.AppStoreSimulator.Signing;
using RefundSaver.Domain.AppStore;
using RefundSaver.Infrastructure.AppStore.Api;

namespace RefundSaver.IntegrationTests.Infrastructure;

/// <summary>
/// The App Store simulator as a process of its own, started the way the AppHost starts it: RefundSaver
/// calls its Apple API over real HTTP, and it posts signed notifications to RefundSaver's webhook.
/// A process rather than a host inside the test process, because Apple's clock must not stop when
/// ours does: a garbage collection of the test process would hold the simulator's requests too, and
/// release them together into its rate limit.
/// </summary>
public sealed class SimulatorProcess : IDisposable
{
    /// <summary>Apple's notification retries (1, 12, 24, 48, 72 h) made a million times faster.</summary>
    public const string FastRetries = "0.000001";

    private const string ResourceName = "appstore";

    private readonly SigningChain _chain;

    private SimulatorProcess(Uri baseAddress, SigningChain chain)
    {
        _chain = chain;
        BaseAddress = baseAddress;
        Signer = new JwsSigner(chain);
    }

    /// <summary>Where it listens: Production at the root, the Sandbox under <c>/sandbox</c>.</summary>
    public Uri BaseAddress { get; }

    public string ProductionBaseUrl => BaseAddress.AbsoluteUri.TrimEnd('/');

    public string SandboxBaseUrl => ProductionBaseUrl + "/sandbox";

    /// <summary>The root that RefundSaver must trust (<c>AppStore:Verification:ExtraTrustedRoots:0</c>).</summary>
    public string RootPem => _chain.RootPem;

    /// <summary>Signs as the simulator does: for a notification Apple would never send by itself (an unknown transaction).</summary>
    public JwsSigner Signer { get; }

    /// <summary>
    /// The simulator as a resource of the test run's application, started when first asked for,
    /// signing with a chain it keeps in <paramref name="chainDirectory"/> (the tests sign with it too).
    /// </summary>
    public static void AddTo(IDistributedApplicationBuilder builder, string chainDirectory)
    {
        builder.AddProject<Projects.RefundSaver_AppStoreSimulator>(ResourceName)
            .WithEnvironment("Simulator__ChainDirectory", chainDirectory)
            .WithEnvironment("Simulator__RetryTimeScale", FastRetries)
            .WithEnvironment("Simulator__DeliveryTimeoutSeconds", "5")
            // Every record, for the secrets sweep (RealServersFixture reads the simulator's output).
            .WithEnvironment("Logging__LogLevel__Default", "Trace")
            .WithHttpHealthCheck("/health")
            .WithExplicitStart();
    }

    public static async Task<SimulatorProcess> StartAsync(DistributedApplication application, string chainDirectory)
    {
        var started = await application.ResourceCommands.ExecuteCommandAsync(ResourceName, KnownResourceCommands.StartCommand);
        if (!started.Success)
        {
            throw new InvalidOperationException($"The simulator did not start: {started.Message}");
        }

        await application.ResourceNotifications.WaitForResourceHealthyAsync(ResourceName);
        var simulator = new SimulatorProcess(application.GetEndpoint(ResourceName, "http"), SigningChain.Load(chainDirectory));
        await simulator.WarmUpAsync();
        return simulator;
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    /// <summary>
    /// Apple's servers are warm: a few calls of Send Consumption Information of an app of its own
    /// make the fresh process compile its paths now, not during the first test that times Apple's answers.
    /// </summary>
    private async Task WarmUpAsync()
    {
        using var http = CreateClient();
        using var control = new SimulatorClient(CreateClient());
        var app = await control.CreateAppAsync("Production", new Uri(BaseAddress, "/health"), "com.example.warmup" + Guid.NewGuid().ToString("N")[..12]);
        var call = new AppStoreCall(new AppStoreCredentials(app.IssuerId, app.KeyId, app.PrivateKeyPem), app.BundleId, AppStoreEnvironment.Production);
        var token = new AppStoreTokenFactory(TimeProvider.System).GetToken(call);
        for (var index = 0; index < 5; index++)
        {
            var transactionId = await control.BuyAsync(app, appAccountToken: null);
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/inApps/v2/transactions/consumption/{transactionId}")
            {
                Content = new StringContent("""{"customerConsented":true,"deliveryStatus":"DELIVERED","sampleContentProvided":false}""", Encoding.UTF8, "application/json"),
                Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
            };
            using var response = await http.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        }
    }

    public void Dispose() => _chain.Dispose();
}
