using System.Net;
using System.Text.Json.Nodes;
using RefundSaver.AppStoreSimulator.Tests.Infrastructure;

namespace RefundSaver.AppStoreSimulator.Tests;

public sealed class ConfiguredErrorCodeTests : IAsyncLifetime
{
    private readonly SimulatorFactory _factory = new(new Dictionary<string, string?>
    {
        ["Simulator:ErrorCodes:ConsumptionPercentageOutOfRangeError"] = "4000777",
    });

    private SimulatorClient _client = null!;

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
    public async Task SendConsumption_WhenAnUnpublishedCodeIsConfigured_ShouldAnswerWithIt()
    {
        var app = await _client.CreateAppAsync();
        var transactionId = await _client.PurchaseTransactionIdAsync(app);
        var body = new JsonObject
        {
            ["customerConsented"] = true, ["deliveryStatus"] = "DELIVERED", ["sampleContentProvided"] = true, ["consumptionPercentage"] = 100001,
        };

        var answer = await ApiAnswer.ReadAsync(await _client.SendConsumptionAsync(app, "v2", transactionId, body));

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.ErrorCode.ShouldBe(4000777);
    }
}
