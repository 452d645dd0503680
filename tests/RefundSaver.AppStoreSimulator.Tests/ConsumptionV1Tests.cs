using System.Net;
using System.Text.Json.Nodes;
using RefundSaver.AppStoreSimulator.Tests.Infrastructure;

namespace RefundSaver.AppStoreSimulator.Tests;

/// <summary>Send Consumption Information V1: seed 001's fields, each bad one with its own Apple error code.</summary>
public sealed class ConsumptionV1Tests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private SimulatorClient Client => fixture.Client;

    public static TheoryData<string, string, long> BadFields => new()
    {
        { "customerConsented", "false", 4000035 },
        { "customerConsented", "\"true\"", 4000035 },
        { "consumptionStatus", "4", 4000034 },
        { "consumptionStatus", "-1", 4000034 },
        { "consumptionStatus", "1.5", 4000034 },
        { "platform", "3", 4000039 },
        { "sampleContentProvided", "0", 4000041 },
        { "deliveryStatus", "6", 4000036 },
        { "deliveryStatus", "\"DELIVERED\"", 4000036 },
        { "appAccountToken", "\"not-a-uuid\"", 4000033 },
        { "appAccountToken", "null", 4000033 },
        { "accountTenure", "8", 4000032 },
        { "playTime", "8", 4000040 },
        { "lifetimeDollarsPurchased", "8", 4000037 },
        { "lifetimeDollarsRefunded", "8", 4000038 },
        { "userStatus", "5", 4000042 },
        { "refundPreference", "4", 4000044 },
        { "refundPreference", "\"GRANT_FULL\"", 4000044 },
    };

    public static TheoryData<string, long> RequiredFields => new()
    {
        { "customerConsented", 4000035 },
        { "consumptionStatus", 4000034 },
        { "platform", 4000039 },
        { "sampleContentProvided", 4000041 },
        { "deliveryStatus", 4000036 },
        { "appAccountToken", 4000033 },
        { "accountTenure", 4000032 },
        { "playTime", 4000040 },
        { "lifetimeDollarsPurchased", 4000037 },
        { "lifetimeDollarsRefunded", 4000038 },
        { "userStatus", 4000042 },
    };

    public static JsonObject ValidBody() => new()
    {
        ["customerConsented"] = true,
        ["consumptionStatus"] = 2,
        ["platform"] = 1,
        ["sampleContentProvided"] = false,
        ["deliveryStatus"] = 0,
        ["appAccountToken"] = Guid.NewGuid().ToString(),
        ["accountTenure"] = 3,
        ["playTime"] = 4,
        ["lifetimeDollarsPurchased"] = 2,
        ["lifetimeDollarsRefunded"] = 1,
        ["userStatus"] = 1,
        ["refundPreference"] = 2,
    };

    [Theory]
    [InlineData("Consumable")]
    [InlineData("Auto-Renewable Subscription")]
    public async Task SendConsumptionV1_WhenEveryFieldIsValid_ShouldAnswer202(string type)
    {
        var (app, transactionId) = await AppWithPurchaseAsync(type);

        var response = await Client.SendConsumptionAsync(app, "v1", transactionId, ValidBody());

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SendConsumptionV1_WhenOptionalRefundPreferenceIsLeftOutAndTokenIsEmpty_ShouldAnswer202()
    {
        var (app, transactionId) = await AppWithPurchaseAsync();
        var body = ValidBody();
        body.Remove("refundPreference");
        body["appAccountToken"] = string.Empty;

        var response = await Client.SendConsumptionAsync(app, "v1", transactionId, body);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task SendConsumptionV1_WhenAFieldIsInvalid_ShouldAnswer400WithItsErrorCode(string field, string json, long errorCode)
    {
        var (app, transactionId) = await AppWithPurchaseAsync();
        var body = ValidBody();
        body[field] = JsonNode.Parse(json);

        var answer = await ApiAnswer.ReadAsync(await Client.SendConsumptionAsync(app, "v1", transactionId, body));

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.ErrorCode.ShouldBe(errorCode);
        answer.ErrorMessage.ShouldNotBeNullOrWhiteSpace();
        answer.ContentType.ShouldBe("application/json");
    }

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public async Task SendConsumptionV1_WhenARequiredFieldIsMissing_ShouldAnswer400WithItsErrorCode(string field, long errorCode)
    {
        var (app, transactionId) = await AppWithPurchaseAsync();
        var body = ValidBody();
        body.Remove(field);

        var answer = await ApiAnswer.ReadAsync(await Client.SendConsumptionAsync(app, "v1", transactionId, body));

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.ErrorCode.ShouldBe(errorCode);
    }

    [Theory]
    [InlineData("Non-Consumable")]
    [InlineData("Non-Renewing Subscription")]
    public async Task SendConsumptionV1_WhenTransactionTypeIsNotSupported_ShouldAnswer4000047(string type)
    {
        var (app, transactionId) = await AppWithPurchaseAsync(type);

        var answer = await ApiAnswer.ReadAsync(await Client.SendConsumptionAsync(app, "v1", transactionId, ValidBody()));

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.ErrorCode.ShouldBe(4000047);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("")]
    public async Task SendConsumptionV1_WhenBodyIsMalformed_ShouldAnswer400WithoutErrorCode(string body)
    {
        var (app, transactionId) = await AppWithPurchaseAsync();

        var answer = await ApiAnswer.ReadAsync(await Client.SendConsumptionAsync(app, "v1", transactionId, body));

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.ErrorCode.ShouldBeNull();
    }

    [Fact]
    public async Task ConsumptionCalls_WhenCallsWereMade_ShouldListEachWithVersionBodyAndAnswer()
    {
        var (app, transactionId) = await AppWithPurchaseAsync();
        var bad = ValidBody();
        bad["platform"] = 9;
        await Client.SendConsumptionAsync(app, "v1", transactionId, bad);
        await Client.SendConsumptionAsync(app, "v1", transactionId, ValidBody());

        var calls = (await Client.GetJsonAsync($"/simulator/transactions/{transactionId}/consumption")).GetProperty("calls");

        calls.GetArrayLength().ShouldBe(2);
        calls[0].GetProperty("api_version").GetString().ShouldBe("v1");
        calls[0].GetProperty("status").GetInt32().ShouldBe(400);
        calls[0].GetProperty("error_code").GetInt64().ShouldBe(4000039);
        calls[0].GetProperty("body").GetProperty("platform").GetInt32().ShouldBe(9);
        calls[1].GetProperty("status").GetInt32().ShouldBe(202);
        calls[1].GetProperty("environment").GetString().ShouldBe("Production");
    }

    private async Task<(CreatedApp App, string TransactionId)> AppWithPurchaseAsync(string type = "Consumable")
    {
        var app = await Client.CreateAppAsync();
        return (app, await Client.PurchaseTransactionIdAsync(app, type));
    }
}
