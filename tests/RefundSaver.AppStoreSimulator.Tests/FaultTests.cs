using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using RefundSaver.AppStoreSimulator.Tests.Infrastructure;

namespace RefundSaver.AppStoreSimulator.Tests;

/// <summary>Injected answers for the next consumption calls: errors, 429 with Retry-After, hangs.</summary>
public sealed class FaultTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private static readonly JsonObject Body = new() { ["customerConsented"] = true, ["deliveryStatus"] = "DELIVERED", ["sampleContentProvided"] = false };

    private SimulatorClient Client => fixture.Client;

    [Fact]
    public async Task SendConsumption_WhenTwo500FaultsWait_ShouldAnswerThemThenAcceptAgain()
    {
        var (app, transactionId) = await AppWithPurchaseAsync();
        await AddFaultAsync(new JsonObject { ["bundle_id"] = app.BundleId, ["status"] = 500, ["error_code"] = 5000001, ["count"] = 2 });

        var first = await ApiAnswer.ReadAsync(await Client.SendConsumptionAsync(app, "v2", transactionId, Body));
        var second = await ApiAnswer.ReadAsync(await Client.SendConsumptionAsync(app, "v2", transactionId, Body));
        var third = await Client.SendConsumptionAsync(app, "v2", transactionId, Body);

        first.Status.ShouldBe(HttpStatusCode.InternalServerError);
        first.ErrorCode.ShouldBe(5000001);
        first.ErrorMessage.ShouldBe("An unknown error occurred. Please try again.");
        second.ErrorCode.ShouldBe(5000001);
        third.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task SendConsumption_When429FaultWaits_ShouldAnswer4290000WithRetryAfter()
    {
        var (app, transactionId) = await AppWithPurchaseAsync();
        await AddFaultAsync(new JsonObject { ["bundle_id"] = app.BundleId, ["status"] = 429, ["retry_after_ms"] = 30000 });
        var before = DateTimeOffset.UtcNow;

        var answer = await ApiAnswer.ReadAsync(await Client.SendConsumptionAsync(app, "v1", transactionId, ConsumptionV1Tests.ValidBody()));

        answer.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        answer.ErrorCode.ShouldBe(4290000);
        DateTimeOffset.FromUnixTimeMilliseconds(answer.RetryAfter!.Value).ShouldBeGreaterThanOrEqualTo(before.AddSeconds(29));
    }

    [Theory]
    [InlineData(401, null)]
    [InlineData(503, null)]
    [InlineData(500, 5000000L)]
    public async Task SendConsumption_WhenFaultWaits_ShouldAnswerItsStatus(int status, long? expectedCode)
    {
        var (app, transactionId) = await AppWithPurchaseAsync();
        await AddFaultAsync(new JsonObject { ["bundle_id"] = app.BundleId, ["status"] = status });

        var answer = await ApiAnswer.ReadAsync(await Client.SendConsumptionAsync(app, "v2", transactionId, Body));

        ((int)answer.Status).ShouldBe(status);
        answer.ErrorCode.ShouldBe(expectedCode);
    }

    [Fact]
    public async Task SendConsumption_WhenHangFaultWaits_ShouldAnswerAfterTheDelay()
    {
        var (app, transactionId) = await AppWithPurchaseAsync();
        await AddFaultAsync(new JsonObject { ["bundle_id"] = app.BundleId, ["status"] = 503, ["hang_ms"] = 300 });
        var watch = Stopwatch.StartNew();

        var response = await Client.SendConsumptionAsync(app, "v2", transactionId, Body);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        watch.ElapsedMilliseconds.ShouldBeGreaterThanOrEqualTo(280);
    }

    [Fact]
    public async Task SendConsumption_WhenFaultIsForAnotherApp_ShouldNotTouchThisOne()
    {
        var (app, transactionId) = await AppWithPurchaseAsync();
        var other = await Client.CreateAppAsync();
        await AddFaultAsync(new JsonObject { ["bundle_id"] = other.BundleId, ["status"] = 500 });

        var response = await Client.SendConsumptionAsync(app, "v2", transactionId, Body);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Theory]
    [InlineData("""{"status":99}""")]
    [InlineData("""{"status":500,"count":0}""")]
    [InlineData("""{"count":1}""")]
    [InlineData("""{"status":500,"hang_ms":-5}""")]
    [InlineData("""{"status":"five hundred"}""")]
    [InlineData("""{"status":500,"bundle_id":"com.example.none"}""")]
    public async Task AddFault_WhenInputIsBad_ShouldAnswer4xxWithAMessage(string json)
    {
        var response = await Client.Http.PostAsync("/simulator/faults", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        ((int)response.StatusCode).ShouldBeInRange(400, 404);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"error\"");
    }

    [Fact]
    public async Task ClearFaults_WhenFaultsWait_ShouldRemoveThem()
    {
        var (app, transactionId) = await AppWithPurchaseAsync();
        await AddFaultAsync(new JsonObject { ["bundle_id"] = app.BundleId, ["status"] = 500, ["count"] = 3 });

        var cleared = await Client.Http.DeleteAsync("/simulator/faults");
        var response = await Client.SendConsumptionAsync(app, "v2", transactionId, Body);

        cleared.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await Client.GetJsonAsync("/simulator/faults")).GetArrayLength().ShouldBe(0);
    }

    private Task<System.Text.Json.JsonElement> AddFaultAsync(JsonObject fault) => Client.PostJsonAsync("/simulator/faults", fault, HttpStatusCode.Created);

    private async Task<(CreatedApp App, string TransactionId)> AppWithPurchaseAsync()
    {
        var app = await Client.CreateAppAsync();
        return (app, await Client.PurchaseTransactionIdAsync(app));
    }
}
