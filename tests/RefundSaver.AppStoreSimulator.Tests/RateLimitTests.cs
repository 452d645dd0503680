using System.Net;
using System.Text.Json.Nodes;
using RefundSaver.AppStoreSimulator.Tests.Infrastructure;
using RefundSaver.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace RefundSaver.AppStoreSimulator.Tests;

/// <summary>Apple's per-app rate limit, on a clock the test moves: 429 4290000 with Retry-After in ms since the epoch.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private static readonly JsonObject Body = new() { ["customerConsented"] = true, ["deliveryStatus"] = "DELIVERED", ["sampleContentProvided"] = false };

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly SimulatorFactory _factory;
    private SimulatorClient _client = null!;

    public RateLimitTests() =>
        _factory = new SimulatorFactory(new Dictionary<string, string?> { ["Simulator:ProductionRateLimit"] = "4" }, _clock);

    public Task InitializeAsync()
    {
        _client = _factory.CreateSimulatorClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task SendConsumption_WhenSandboxAppExceedsFivePerSecond_ShouldAnswer429WithRetryAfterInTheFuture()
    {
        var app = await _client.CreateAppAsync("Sandbox");
        var transactionId = await _client.PurchaseTransactionIdAsync(app);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await _client.SendConsumptionAsync(app, "v2", transactionId, Body)).StatusCode);
            _clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        var limited = await ApiAnswer.ReadAsync(await _client.SendConsumptionAsync(app, "v2", transactionId, Body));

        statuses.ShouldAllBe(status => status == HttpStatusCode.Accepted);
        limited.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.ErrorCode.ShouldBe(4290000);
        limited.ErrorMessage.ShouldBe("Rate limit exceeded.");
        limited.RetryAfter.ShouldNotBeNull();
        var retryAt = DateTimeOffset.FromUnixTimeMilliseconds(limited.RetryAfter.Value);
        retryAt.ShouldBeGreaterThan(_clock.GetUtcNow());
        retryAt.ShouldBeLessThanOrEqualTo(_clock.GetUtcNow().AddSeconds(1));

        _clock.SetUtcNow(retryAt);
        (await _client.SendConsumptionAsync(app, "v2", transactionId, Body)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task SendConsumption_WhenProductionLimitIsConfigured_ShouldKeepToItPerAppAndCountThePeak()
    {
        var app = await _client.CreateAppAsync();
        var other = await _client.CreateAppAsync();
        var transactionId = await _client.PurchaseTransactionIdAsync(app);
        var otherTransactionId = await _client.PurchaseTransactionIdAsync(other);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await _client.SendConsumptionAsync(app, "v1", transactionId, ConsumptionV1Tests.ValidBody())).StatusCode);
        }

        var otherStatus = (await _client.SendConsumptionAsync(other, "v2", otherTransactionId, Body)).StatusCode;
        var stats = (await _client.GetJsonAsync($"/simulator/stats?bundle_id={app.BundleId}"))[0];

        statuses.Count(status => status == HttpStatusCode.Accepted).ShouldBe(4);
        statuses.Count(status => status == HttpStatusCode.TooManyRequests).ShouldBe(2);
        otherStatus.ShouldBe(HttpStatusCode.Accepted);
        stats.GetProperty("received").GetInt64().ShouldBe(6);
        stats.GetProperty("accepted").GetInt64().ShouldBe(4);
        stats.GetProperty("too_many_requests").GetInt64().ShouldBe(2);
        stats.GetProperty("max_accepted_per_second").GetInt32().ShouldBe(4);
        stats.GetProperty("max_received_per_second").GetInt32().ShouldBe(6);
    }
}
