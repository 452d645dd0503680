using System.Net;
using System.Text.Json.Nodes;
using RefundSaver.AppStoreSimulator.Tests.Infrastructure;

namespace RefundSaver.AppStoreSimulator.Tests;

/// <summary>A transaction exists only in its own environment and app: anything else is Apple's 404 4040010.</summary>
public sealed class TransactionLookupTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private static readonly JsonObject Body = new() { ["customerConsented"] = true, ["deliveryStatus"] = "DELIVERED", ["sampleContentProvided"] = false };

    private SimulatorClient Client => fixture.Client;

    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    public async Task SendConsumption_WhenTransactionIsUnknown_ShouldAnswer4040010(string version)
    {
        var app = await Client.CreateAppAsync();

        var answer = await ApiAnswer.ReadAsync(await Client.SendConsumptionAsync(app, version, "2999999999999999", Body));

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
        answer.ErrorCode.ShouldBe(4040010);
        answer.ErrorMessage.ShouldBe("Transaction id not found.");
    }

    [Fact]
    public async Task SendConsumption_WhenSandboxTransactionIsSentToProduction_ShouldAnswer4040010()
    {
        var app = await Client.CreateAppAsync("Sandbox");
        var transactionId = await Client.PurchaseTransactionIdAsync(app);

        var production = await ApiAnswer.ReadAsync(await Client.SendConsumptionAsync(app, "v2", transactionId, Body, environment: "Production"));
        var sandbox = await Client.SendConsumptionAsync(app, "v2", transactionId, Body, environment: "Sandbox");

        production.Status.ShouldBe(HttpStatusCode.NotFound);
        production.ErrorCode.ShouldBe(4040010);
        sandbox.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task SendConsumption_WhenProductionTransactionIsSentToSandbox_ShouldAnswer4040010()
    {
        var app = await Client.CreateAppAsync();
        var transactionId = await Client.PurchaseTransactionIdAsync(app);

        var answer = await ApiAnswer.ReadAsync(await Client.SendConsumptionAsync(app, "v2", transactionId, Body, environment: "Sandbox"));

        answer.ErrorCode.ShouldBe(4040010);
    }

    [Fact]
    public async Task SendConsumption_WhenTransactionBelongsToAnotherApp_ShouldAnswer4040010()
    {
        var owner = await Client.CreateAppAsync();
        var other = await Client.CreateAppAsync();
        var transactionId = await Client.PurchaseTransactionIdAsync(owner);

        var answer = await ApiAnswer.ReadAsync(await Client.SendConsumptionAsync(other, "v2", transactionId, Body));

        answer.ErrorCode.ShouldBe(4040010);
    }

    [Fact]
    public async Task SendConsumption_WhenTransactionIdIsNotANumber_ShouldAnswer4000006()
    {
        var app = await Client.CreateAppAsync();

        var answer = await ApiAnswer.ReadAsync(await Client.SendConsumptionAsync(app, "v2", "abc", Body));

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.ErrorCode.ShouldBe(4000006);
    }

    [Fact]
    public async Task ConsumptionCalls_WhenTheTransactionIdWasNeverSeen_ShouldAnswer404()
    {
        var response = await Client.Http.GetAsync("/simulator/transactions/2888888888888888/consumption");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
