using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Api;

/// <summary>The backend's purchase reports (consumption, delivery), through HTTP against real PostgreSQL and Redis.</summary>
public sealed class PurchaseReportsApiTests(RealServersFixture servers) : IntegrationTest(servers)
{
    private const string Path = "/api/v2/server-side-api/purchase/app-store/transactions/consumption/";
    private const string TransactionId = "2000000123456789";

    private static Task<HttpResponseMessage> PostReport(TestApp app, string json) =>
        app.Client.SendAsync(Request(HttpMethod.Post, Path, json));

    private static Task<HttpResponseMessage> GetReport(HttpClient client, string transactionId = TransactionId) =>
        client.SendAsync(Request(HttpMethod.Get, $"{Path}?transaction_id={Uri.EscapeDataString(transactionId)}"));

    private static async Task<JsonObject> ReadReportAsync(TestApp app, string transactionId = TransactionId)
    {
        var response = await GetReport(app.Client, transactionId);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await ReadJsonAsync(response)).AsObject();
    }

    /// <summary>The app's rows for the transaction, read past the API: (thousandths, delivery status) each.</summary>
    private async Task<List<(int? ConsumptionPercentage, string? DeliveryStatus)>> StoredAsync(Guid appId, string transactionId = TransactionId)
    {
        await using var connection = new NpgsqlConnection(Api.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT consumption_percentage, delivery_status FROM purchase_reports WHERE app_id = @app AND transaction_id = @transaction",
            connection);
        command.Parameters.AddWithValue("app", appId);
        command.Parameters.AddWithValue("transaction", transactionId);
        await using var reader = await command.ExecuteReaderAsync();
        List<(int?, string?)> rows = [];
        while (await reader.ReadAsync())
        {
            rows.Add((reader.IsDBNull(0) ? null : reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }

        return rows;
    }

    [Fact]
    public async Task Post_WhenFirstReportOfATransactionNotYetNotified_ShouldStoreItAndAnswerTheBodyExactly()
    {
        var app = await CreateAppAsync();

        var response = await PostReport(app, $$"""{"transaction_id": "{{TransactionId}}", "consumption_percentage": 50.5, "delivery_status": "delivered"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Canonical(await response.Content.ReadAsStringAsync()).ShouldBe(Canonical(
            $$"""{"transaction_id":"{{TransactionId}}","consumption_percentage":50.5,"delivery_status":"delivered"}"""));
        (await StoredAsync(app.Id)).ShouldHaveSingleItem().ShouldBe((50500, "delivered"));
    }

    [Theory]
    [InlineData("50.5", 50500, "50.5")]
    [InlineData("33.333", 33333, "33.333")]
    [InlineData("0.001", 1, "0.001")]
    [InlineData("0", 0, "0")]
    [InlineData("100", 100000, "100")]
    [InlineData("100.000", 100000, "100")]
    [InlineData("1e1", 10000, "10")]
    public async Task Post_WhenPercentageHasAtMostThreeDecimals_ShouldStoreThousandthsAndReadBackAsPercent(
        string percent, int thousandths, string readBack)
    {
        var app = await CreateAppAsync();

        var response = await PostReport(app, $$"""{"transaction_id": "{{TransactionId}}", "consumption_percentage": {{percent}}}""");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StoredAsync(app.Id)).ShouldHaveSingleItem().ConsumptionPercentage.ShouldBe(thousandths);
        (await ReadReportAsync(app))["consumption_percentage"]!.ToJsonString().ShouldBe(readBack);
    }

    [Fact]
    public async Task Get_WhenReported_ShouldAnswerTheSameBodyAsThePost()
    {
        var app = await CreateAppAsync();
        var posted = await PostReport(app, $$"""{"transaction_id": "{{TransactionId}}", "consumption_percentage": 12.345, "delivery_status": "server_outage"}""");

        var read = await GetReport(app.Client);

        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        Canonical(await read.Content.ReadAsStringAsync()).ShouldBe(Canonical(await posted.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Get_WhenNothingReported_ShouldAnswer404PurchaseReportDoesNotExist()
    {
        var app = await CreateAppAsync();

        var response = await GetReport(app.Client);

        var body = await ShouldBeErrorAsync(response, HttpStatusCode.NotFound, "purchase_report_does_not_exist", "non_field_errors");
        body.ToJsonString().ShouldContain("Nothing has been reported for this transaction.");
    }

    [Fact]
    public async Task Post_WhenOnlyTheTransactionIdGiven_ShouldStoreAnEmptyReport()
    {
        var app = await CreateAppAsync();

        var response = await PostReport(app, $$"""{"transaction_id": "{{TransactionId}}"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Canonical(await response.Content.ReadAsStringAsync()).ShouldBe(Canonical(
            $$"""{"transaction_id":"{{TransactionId}}","consumption_percentage":null,"delivery_status":null}"""));
        (await StoredAsync(app.Id)).ShouldHaveSingleItem().ShouldBe((null, null));
    }

    [Fact]
    public async Task Post_WhenPercentageLeftOut_ShouldKeepIt()
    {
        var app = await CreateAppAsync();
        await PostReport(app, $$"""{"transaction_id": "{{TransactionId}}", "consumption_percentage": 75, "delivery_status": "delivered"}""");

        var response = await PostReport(app, $$"""{"transaction_id": "{{TransactionId}}", "delivery_status": "wrong_item"}""");

        var body = await ReadJsonAsync(response);
        body["consumption_percentage"]!.GetValue<decimal>().ShouldBe(75m);
        body["delivery_status"]!.GetValue<string>().ShouldBe("wrong_item");
        (await StoredAsync(app.Id)).ShouldHaveSingleItem().ShouldBe((75000, "wrong_item"));
    }

    [Fact]
    public async Task Post_WhenDeliveryStatusLeftOut_ShouldKeepIt()
    {
        var app = await CreateAppAsync();
        await PostReport(app, $$"""{"transaction_id": "{{TransactionId}}", "consumption_percentage": 75, "delivery_status": "quality_issue"}""");

        var response = await PostReport(app, $$"""{"transaction_id": "{{TransactionId}}", "consumption_percentage": 80}""");

        var body = await ReadJsonAsync(response);
        body["consumption_percentage"]!.GetValue<decimal>().ShouldBe(80m);
        body["delivery_status"]!.GetValue<string>().ShouldBe("quality_issue");
        (await StoredAsync(app.Id)).ShouldHaveSingleItem().ShouldBe((80000, "quality_issue"));
    }

    [Fact]
    public async Task Post_WhenExplicitNull_ShouldForgetTheField()
    {
        var app = await CreateAppAsync();
        await PostReport(app, $$"""{"transaction_id": "{{TransactionId}}", "consumption_percentage": 75, "delivery_status": "other"}""");

        await PostReport(app, $$"""{"transaction_id": "{{TransactionId}}", "consumption_percentage": null, "delivery_status": null}""");

        var report = await ReadReportAsync(app);
        report.ContainsKey("consumption_percentage").ShouldBeTrue();
        report["consumption_percentage"].ShouldBeNull();
        report.ContainsKey("delivery_status").ShouldBeTrue();
        report["delivery_status"].ShouldBeNull();
        (await StoredAsync(app.Id)).ShouldHaveSingleItem().ShouldBe((null, null));
    }

    [Fact]
    public async Task Post_WhenOnlyOneFieldIsNull_ShouldForgetOnlyThatOne()
    {
        var app = await CreateAppAsync();
        await PostReport(app, $$"""{"transaction_id": "{{TransactionId}}", "consumption_percentage": 75, "delivery_status": "other"}""");

        await PostReport(app, $$"""{"transaction_id": "{{TransactionId}}", "delivery_status": null}""");

        (await StoredAsync(app.Id)).ShouldHaveSingleItem().ShouldBe((75000, null));
    }

    [Theory]
    [InlineData("delivered")]
    [InlineData("quality_issue")]
    [InlineData("wrong_item")]
    [InlineData("server_outage")]
    [InlineData("in_game_currency_change")]
    [InlineData("other")]
    public async Task Post_WhenDeliveryStatusIsAContractValue_ShouldStoreIt(string status)
    {
        var app = await CreateAppAsync();

        await PostReport(app, $$"""{"transaction_id": "{{TransactionId}}", "delivery_status": "{{status}}"}""");

        (await ReadReportAsync(app))["delivery_status"]!.GetValue<string>().ShouldBe(status);
    }

    [Fact]
    public async Task Post_WhenTwoTransactionsReported_ShouldKeepThemApart()
    {
        var app = await CreateAppAsync();

        await PostReport(app, """{"transaction_id": "1000000000000001", "consumption_percentage": 10}""");
        await PostReport(app, """{"transaction_id": "1000000000000002", "consumption_percentage": 20}""");

        (await ReadReportAsync(app, "1000000000000001"))["consumption_percentage"]!.GetValue<decimal>().ShouldBe(10m);
        (await ReadReportAsync(app, "1000000000000002"))["consumption_percentage"]!.GetValue<decimal>().ShouldBe(20m);
    }

    [Theory]
    [InlineData("""{"consumption_percentage": 10}""", "transaction_id")]
    [InlineData("""{"transaction_id": null, "consumption_percentage": 10}""", "transaction_id")]
    [InlineData("""{"transaction_id": "", "consumption_percentage": 10}""", "transaction_id")]
    [InlineData("""{"transaction_id": "2000 0001", "consumption_percentage": 10}""", "transaction_id")]
    [InlineData("""{"transaction_id": "2000-0001", "consumption_percentage": 10}""", "transaction_id")]
    [InlineData("""{"transaction_id": " 20000001", "consumption_percentage": 10}""", "transaction_id")]
    [InlineData("""{"transaction_id": 20000001, "consumption_percentage": 10}""", "transaction_id")]
    [InlineData("""{"transaction_id": "20000000000000000000000000000000000000000000000000000000000000001"}""", "transaction_id")]
    [InlineData("""{"transaction_id": "2000000123456789", "consumption_percentage": -0.001}""", "consumption_percentage")]
    [InlineData("""{"transaction_id": "2000000123456789", "consumption_percentage": 100.001}""", "consumption_percentage")]
    [InlineData("""{"transaction_id": "2000000123456789", "consumption_percentage": 50.0005}""", "consumption_percentage")]
    [InlineData("""{"transaction_id": "2000000123456789", "consumption_percentage": 1e400}""", "consumption_percentage")]
    [InlineData("""{"transaction_id": "2000000123456789", "consumption_percentage": "50"}""", "consumption_percentage")]
    [InlineData("""{"transaction_id": "2000000123456789", "consumption_percentage": true}""", "consumption_percentage")]
    [InlineData("""{"transaction_id": "2000000123456789", "delivery_status": "DELIVERED"}""", "delivery_status")]
    [InlineData("""{"transaction_id": "2000000123456789", "delivery_status": "lost"}""", "delivery_status")]
    [InlineData("""{"transaction_id": "2000000123456789", "delivery_status": ""}""", "delivery_status")]
    [InlineData("""{"transaction_id": "2000000123456789", "delivery_status": 0}""", "delivery_status")]
    public async Task Post_WhenValueIsBad_ShouldAnswer400NamingTheFieldAndStoreNothing(string json, string field)
    {
        var app = await CreateAppAsync();

        var response = await PostReport(app, json);

        await ShouldBeErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", field);
        (await StoredAsync(app.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_WhenValueIsBadForAnExistingReport_ShouldChangeNothing()
    {
        var app = await CreateAppAsync();
        await PostReport(app, $$"""{"transaction_id": "{{TransactionId}}", "consumption_percentage": 40, "delivery_status": "delivered"}""");

        var response = await PostReport(app, $$"""{"transaction_id": "{{TransactionId}}", "consumption_percentage": 0, "delivery_status": "broken"}""");

        await ShouldBeErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", "delivery_status");
        (await StoredAsync(app.Id)).ShouldHaveSingleItem().ShouldBe((40000, "delivered"));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("\"2000000123456789\"")]
    public async Task Post_WhenBodyIsNotAJsonObject_ShouldAnswer400(string json)
    {
        var app = await CreateAppAsync();

        var response = await PostReport(app, json);

        await ShouldBeErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", "non_field_errors");
    }

    [Theory]
    [InlineData("")]
    [InlineData("?transaction_id=")]
    [InlineData("?transaction_id=20%2000")]
    [InlineData("?transaction_id=1&transaction_id=2")]
    public async Task Get_WhenTransactionIdMissingOrBad_ShouldAnswer400NamingIt(string query)
    {
        var app = await CreateAppAsync();

        var response = await app.Client.SendAsync(Request(HttpMethod.Get, Path + query));

        await ShouldBeErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", "transaction_id");
    }

    [Fact]
    public async Task Post_WhenKeyIsWrong_ShouldAnswer401AndStoreNothing()
    {
        var app = await CreateAppAsync();
        using var client = Api.CreateAppClient("secret_live_AAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB");

        var response = await client.SendAsync(Request(HttpMethod.Post, Path, $$"""{"transaction_id": "{{TransactionId}}"}"""));

        await ShouldBeErrorAsync(response, HttpStatusCode.Unauthorized, "not_authenticated", "non_field_errors");
        (await StoredAsync(app.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_WhenNoCredentials_ShouldAnswer401()
    {
        var app = await CreateAppAsync();
        await PostReport(app, $$"""{"transaction_id": "{{TransactionId}}", "consumption_percentage": 1}""");
        using var anonymous = Api.CreateClient();

        var response = await GetReport(anonymous);

        await ShouldBeErrorAsync(response, HttpStatusCode.Unauthorized, "not_authenticated");
    }

    [Fact]
    public async Task Get_WhenKeyOfAnotherApp_ShouldNotSeeTheReport()
    {
        var owner = await CreateAppAsync();
        await PostReport(owner, $$"""{"transaction_id": "{{TransactionId}}", "consumption_percentage": 60, "delivery_status": "delivered"}""");
        var stranger = await CreateAppAsync();

        var response = await GetReport(stranger.Client);

        await ShouldBeErrorAsync(response, HttpStatusCode.NotFound, "purchase_report_does_not_exist");
    }

    [Fact]
    public async Task Post_WhenKeyOfAnotherApp_ShouldMakeItsOwnReportAndLeaveTheOwnersAlone()
    {
        var owner = await CreateAppAsync();
        await PostReport(owner, $$"""{"transaction_id": "{{TransactionId}}", "consumption_percentage": 60, "delivery_status": "delivered"}""");
        var stranger = await CreateAppAsync();

        var response = await PostReport(stranger, $$"""{"transaction_id": "{{TransactionId}}", "delivery_status": "other"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadJsonAsync(response))["consumption_percentage"].ShouldBeNull();
        (await StoredAsync(owner.Id)).ShouldHaveSingleItem().ShouldBe((60000, "delivered"));
        (await StoredAsync(stranger.Id)).ShouldHaveSingleItem().ShouldBe((null, "other"));
    }

    [Fact]
    public async Task Post_WhenTwentyConcurrentFirstReportsOfOneTransaction_ShouldAnswerAll200AndKeepOneRow()
    {
        var app = await CreateAppAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            PostReport(app, $$"""{"transaction_id": "{{TransactionId}}", "consumption_percentage": 50.5, "delivery_status": "delivered"}""")));

        foreach (var response in responses)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            (await ReadJsonAsync(response))["consumption_percentage"]!.GetValue<decimal>().ShouldBe(50.5m);
        }

        (await StoredAsync(app.Id)).ShouldHaveSingleItem().ShouldBe((50500, "delivered"));
    }

    [Fact]
    public async Task Post_WhenConcurrentFirstReportsEachGiveOneField_ShouldKeepBothFields()
    {
        var app = await CreateAppAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(index =>
            PostReport(app, index % 2 == 0
                ? $$"""{"transaction_id": "{{TransactionId}}", "consumption_percentage": 25}"""
                : $$"""{"transaction_id": "{{TransactionId}}", "delivery_status": "server_outage"}""")));

        responses.ShouldAllBe(response => response.StatusCode == HttpStatusCode.OK);
        (await StoredAsync(app.Id)).ShouldHaveSingleItem().ShouldBe((25000, "server_outage"));
    }
}
