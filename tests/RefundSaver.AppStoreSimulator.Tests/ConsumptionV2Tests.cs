using System.Net;
using System.Text.Json.Nodes;
using RefundSaver.AppStoreSimulator.AppleApi;
using RefundSaver.AppStoreSimulator.Tests.Infrastructure;

namespace RefundSaver.AppStoreSimulator.Tests;

/// <summary>Send Consumption Information (V2): ConsumptionRequest's rules and Apple's error codes.</summary>
public sealed class ConsumptionV2Tests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private const string Subscription = "Auto-Renewable Subscription";

    private SimulatorClient Client => fixture.Client;

    public static TheoryData<string, string, long> BadFields => new()
    {
        { "customerConsented", "false", 4000035 },
        { "customerConsented", "null", 4000035 },
        { "deliveryStatus", "\"BROKEN\"", 4000036 },
        { "deliveryStatus", "0", 4000036 },
        { "sampleContentProvided", "\"no\"", 4000041 },
        { "refundPreference", "\"GRANT\"", 4000044 },
        { "refundPreference", "2", 4000044 },
    };

    private static JsonObject Body(string deliveryStatus = "DELIVERED", long? percentage = null, string? refundPreference = null)
    {
        var body = new JsonObject { ["customerConsented"] = true, ["deliveryStatus"] = deliveryStatus, ["sampleContentProvided"] = true };
        if (percentage is not null)
        {
            body["consumptionPercentage"] = percentage;
        }

        if (refundPreference is not null)
        {
            body["refundPreference"] = refundPreference;
        }

        return body;
    }

    [Theory]
    [InlineData("Consumable", 25000L, "GRANT_PRORATED")]
    [InlineData("Non-Consumable", 0L, "DECLINE")]
    [InlineData("Non-Renewing Subscription", 100000L, "GRANT_FULL")]
    [InlineData("Consumable", null, null)]
    [InlineData(Subscription, null, "GRANT_PRORATED")]
    [InlineData(Subscription, null, "DECLINE")]
    public async Task SendConsumption_WhenRequestIsValid_ShouldAnswer202(string type, long? percentage, string? refundPreference)
    {
        var (app, transactionId) = await AppWithPurchaseAsync(type);

        var response = await Client.SendConsumptionAsync(app, "v2", transactionId, Body(percentage: percentage, refundPreference: refundPreference));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task SendConsumption_WhenAFieldIsInvalid_ShouldAnswer400WithItsErrorCode(string field, string json, long errorCode)
    {
        var (app, transactionId) = await AppWithPurchaseAsync();
        var body = Body();
        body[field] = JsonNode.Parse(json);

        var answer = await ApiAnswer.ReadAsync(await Client.SendConsumptionAsync(app, "v2", transactionId, body));

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.ErrorCode.ShouldBe(errorCode);
    }

    [Theory]
    [InlineData("customerConsented", 4000035)]
    [InlineData("deliveryStatus", 4000036)]
    [InlineData("sampleContentProvided", 4000041)]
    public async Task SendConsumption_WhenARequiredFieldIsMissing_ShouldAnswer400WithItsErrorCode(string field, long errorCode)
    {
        var (app, transactionId) = await AppWithPurchaseAsync();
        var body = Body();
        body.Remove(field);

        var answer = await ApiAnswer.ReadAsync(await Client.SendConsumptionAsync(app, "v2", transactionId, body));

        answer.ErrorCode.ShouldBe(errorCode);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(50000L)]
    public async Task SendConsumption_WhenPercentageIsSentForAnAutoRenewableSubscription_ShouldAnswer4000209(long percentage)
    {
        var (app, transactionId) = await AppWithPurchaseAsync(Subscription);

        var answer = await ApiAnswer.ReadAsync(await Client.SendConsumptionAsync(app, "v2", transactionId, Body(percentage: percentage)));

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.ErrorCode.ShouldBe(4000209);
        answer.ErrorMessage.ShouldBe("Invalid request. The consumption percentage field is not supported for auto-renewable subscription transactions.");
    }

    [Theory]
    [InlineData("DELIVERED", 100001L, null, "ConsumptionPercentageOutOfRangeError")]
    [InlineData("DELIVERED", -1L, null, "ConsumptionPercentageOutOfRangeError")]
    [InlineData("DELIVERED", null, "GRANT_PRORATED", "ConsumptionPercentageOutOfRangeError")]
    [InlineData("DELIVERED", 0L, "GRANT_PRORATED", "ConsumptionPercentageOutOfRangeError")]
    [InlineData("DELIVERED", 100000L, "GRANT_PRORATED", "ConsumptionPercentageOutOfRangeError")]
    [InlineData("UNDELIVERED_QUALITY_ISSUE", 10L, null, "UndeliveredConsumptionPercentageNonZeroError")]
    public async Task SendConsumption_WhenPercentageBreaksARuleWithoutAPublishedCode_ShouldAnswer400NamingTheError(
        string deliveryStatus, long? percentage, string? refundPreference, string errorName)
    {
        var (app, transactionId) = await AppWithPurchaseAsync();

        var response = await Client.SendConsumptionAsync(app, "v2", transactionId, Body(deliveryStatus, percentage, refundPreference));
        var answer = await ApiAnswer.ReadAsync(response);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.ErrorCode.ShouldBeNull();
        answer.ErrorMessage.ShouldNotBeNullOrWhiteSpace();
        response.Headers.GetValues(AppleApiResult.ReasonHeader).Single().ShouldBe(errorName);
    }

    [Fact]
    public async Task SendConsumption_WhenTheUndeliveredPercentageIsZero_ShouldAnswer202()
    {
        var (app, transactionId) = await AppWithPurchaseAsync();

        var response = await Client.SendConsumptionAsync(app, "v2", transactionId, Body("UNDELIVERED_SERVER_OUTAGE", 0, "GRANT_FULL"));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task SendConsumption_WhenTransactionIsFamilyShared_ShouldAnswer4000185()
    {
        var app = await Client.CreateAppAsync();
        var transactionId = await Client.PurchaseTransactionIdAsync(app, "Non-Consumable", new JsonObject { ["family_shared"] = true });

        var answer = await ApiAnswer.ReadAsync(await Client.SendConsumptionAsync(app, "v2", transactionId, Body()));

        answer.ErrorCode.ShouldBe(4000185);
    }

    private async Task<(CreatedApp App, string TransactionId)> AppWithPurchaseAsync(string type = "Consumable")
    {
        var app = await Client.CreateAppAsync();
        return (app, await Client.PurchaseTransactionIdAsync(app, type));
    }
}
