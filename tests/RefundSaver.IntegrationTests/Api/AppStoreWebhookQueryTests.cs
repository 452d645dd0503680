using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RefundSaver.Application.AppStore;
using RefundSaver.AppStoreSimulator.Signing;
using RefundSaver.Infrastructure.Persistence;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Api;

/// <summary>
/// What the webhook, open to anyone, costs the database: the apps are read all at once on a
/// schedule, never per notification, whatever bundle id a notification names.
/// </summary>
public sealed class AppStoreWebhookQueryTests(RealServersFixture servers) : IntegrationTest(servers)
{
    private const string Webhook = "/webhooks/app-store";
    private const int Flood = 500;

    /// <summary>Trusted by configuration for every app, so that each notification verifies and reaches the app lookup.</summary>
    private static readonly SigningChain Chain = SigningChain.Create();

    private DbCommandCounter Commands => Api.Services.GetRequiredService<DbCommandCounter>();

    public override async Task InitializeAsync()
    {
        var api = await Servers.ClassResourceAsync(GetType(), async () =>
        {
            var factory = new ApiFactory(
                await Servers.CreateDatabaseAsync(),
                Servers.RedisConnectionString,
                RealServersFixture.AdminToken,
                new Dictionary<string, string?>
                {
                    ["AppStore:Verification:ExtraTrustedRoots:0"] = Chain.RootPem,
                    ["Dispatcher:Enabled"] = "false",
                    // The flood comes from one address: what is measured here is the database, not a per-address limit.
                    ["Webhook:RateLimit:RequestsPerSecond"] = "0",
                },
                services => services
                    .AddSingleton<DbCommandCounter>()
                    .ConfigureDbContext<RefundSaverDbContext>(
                        (provider, options) => options.AddInterceptors(provider.GetRequiredService<DbCommandCounter>())));
            await factory.StartAsync();
            return factory;
        });
        UseApi(api);
    }

    [Fact]
    public async Task Post_WhenAFloodNamesBundleIdsNoAppHas_ShouldAnswerEach422WithABoundedNumberOfQueries()
    {
        // An app made now makes the next lookup read the apps again: the flood starts on a cold set.
        await CreateAppAsync();
        var payloads = Enumerable.Range(0, Flood)
            .Select(_ => Notification("com.example.flood" + Guid.NewGuid().ToString("N")))
            .ToList();
        var before = Commands.Count;
        var started = Stopwatch.GetTimestamp();

        var answers = await PostAllAsync(payloads);

        var elapsed = Stopwatch.GetElapsedTime(started);
        var queries = Commands.Count - before;
        answers.ShouldAllBe(answer => answer.Status == HttpStatusCode.UnprocessableEntity && answer.ErrorCode == "app_not_configured");
        queries.ShouldBeGreaterThanOrEqualTo(1);
        queries.ShouldBeLessThanOrEqualTo(ReadsWithin(elapsed));
    }

    [Fact]
    public async Task Post_WhenManyNotificationsNameAConfiguredApp_ShouldNotQueryTheAppsPerNotification()
    {
        var app = await CreateAppAsync();
        var bundleId = "com.example.known" + Guid.NewGuid().ToString("N")[..12];
        using (var admin = Api.CreateAdminClient())
        {
            (await admin.PatchAsJsonAsync($"/admin/api/apps/{app.Id}", new { bundle_id = bundleId })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var payloads = Enumerable.Range(0, 100).Select(_ => Notification(bundleId)).ToList();
        var before = Commands.Count;
        var started = Stopwatch.GetTimestamp();

        var answers = await PostAllAsync(payloads);

        var elapsed = Stopwatch.GetElapsedTime(started);
        answers.ShouldAllBe(answer => answer.Status == HttpStatusCode.OK);
        (Commands.Count - before).ShouldBeLessThanOrEqualTo(ReadsWithin(elapsed));
    }

    /// <summary>One read when the flood begins, one per refresh interval it lasts, and one more begun as it ended.</summary>
    private static long ReadsWithin(TimeSpan elapsed) => 2 + (long)(elapsed / WebhookAppCache.RefreshInterval);

    private async Task<List<(HttpStatusCode Status, string? ErrorCode)>> PostAllAsync(IReadOnlyList<string> payloads)
    {
        using var client = Api.CreateClient();
        var answers = new (HttpStatusCode, string?)[payloads.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, payloads.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (index, cancellationToken) =>
            {
                using var response = await client.PostAsJsonAsync(Webhook, new { signedPayload = payloads[index] }, cancellationToken);
                var body = response.IsSuccessStatusCode ? null : await ReadJsonAsync(response);
                answers[index] = (response.StatusCode, body?["error_code"]?.GetValue<string>());
            });
        return [.. answers];
    }

    private static string Notification(string bundleId) =>
        new JwsSigner(Chain).Sign(new JsonObject
        {
            ["notificationType"] = "TEST",
            ["notificationUUID"] = Guid.NewGuid().ToString(),
            ["version"] = "2.0",
            ["signedDate"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            ["data"] = new JsonObject { ["bundleId"] = bundleId, ["environment"] = "Sandbox" },
        }.ToJsonString());
}
