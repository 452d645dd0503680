using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using RefundSaver.AppStoreSimulator.Tests.Infrastructure;

namespace RefundSaver.AppStoreSimulator.Tests;

/// <summary>The control API: clear 4xx answers for bad input, never a 500.</summary>
public sealed class ControlApiTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private SimulatorClient Client => fixture.Client;

    [Fact]
    public async Task Health_WhenRunning_ShouldAnswer200()
    {
        (await Client.Http.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CreateApp_WhenValid_ShouldReturnAPkcs8KeyOnceAndListTheAppWithoutIt()
    {
        var app = await Client.CreateAppAsync();

        var listed = (await Client.GetJsonAsync("/simulator/apps")).EnumerateArray().Single(item => item.GetProperty("bundle_id").GetString() == app.BundleId);

        app.PrivateKeyPem.ShouldStartWith("-----BEGIN PRIVATE KEY-----");
        app.KeyId.Length.ShouldBe(10);
        Guid.TryParse(app.IssuerId, out _).ShouldBeTrue();
        app.Environment.ShouldBe("Production");
        app.AppleAppId.ShouldBeGreaterThan(0);
        listed.GetProperty("key_ids").EnumerateArray().Select(key => key.GetString()).ShouldBe([app.KeyId]);
        listed.ToString().ShouldNotContain("PRIVATE KEY");
    }

    [Theory]
    [InlineData("""{}""", "bundle_id")]
    [InlineData("""{"bundle_id":"com example"}""", "bundle_id")]
    [InlineData("""{"bundle_id":"com.example.x","environment":"Staging"}""", "environment")]
    [InlineData("""{"bundle_id":"com.example.x","notification_url":"not a url"}""", "notification_url")]
    [InlineData("""{"bundle_id":"com.example.x","apple_app_id":-1}""", "apple_app_id")]
    [InlineData("""{"bundle_id":"com.example.x","apple_app_id":"twelve"}""", "apple_app_id")]
    [InlineData("""{"bundle_id":""", "JSON")]
    public async Task CreateApp_WhenInputIsBad_ShouldAnswer400NamingTheProblem(string json, string named)
    {
        var response = await PostRawAsync("/simulator/apps", json);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldContain("\"error\"");
        text.ShouldContain(named);
    }

    [Fact]
    public async Task CreateApp_WhenBodyIsSentAsFormDataLikeCurlDoes_ShouldStillReadItAsJson()
    {
        var bundleId = SimulatorClient.NewBundleId();

        var response = await Client.Http.PostAsync(
            "/simulator/apps", new StringContent($$"""{"bundle_id":"{{bundleId}}"}""", Encoding.UTF8, "application/x-www-form-urlencoded"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task CreateApp_WhenBundleIdIsTaken_ShouldAnswer409()
    {
        var app = await Client.CreateAppAsync();

        var response = await Client.Http.PostAsync("/simulator/apps", Json(new JsonObject { ["bundle_id"] = app.BundleId }));

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("""{"type":"Consumable","price":990}""", "product_id")]
    [InlineData("""{"product_id":"p","type":"Consumable"}""", "price")]
    [InlineData("""{"product_id":"p","type":"Subscription","price":990}""", "type")]
    [InlineData("""{"product_id":"p","type":"Consumable","price":-1}""", "price")]
    [InlineData("""{"product_id":"p","type":"Consumable","price":990,"currency":"usd"}""", "currency")]
    [InlineData("""{"product_id":"p","type":"Consumable","price":990,"storefront":"US"}""", "storefront")]
    [InlineData("""{"product_id":"p","type":"Consumable","price":990,"app_account_token":"x"}""", "app_account_token")]
    [InlineData("""{"product_id":"p","type":"Consumable","price":990,"offer_type":7}""", "offer_type")]
    [InlineData("""{"product_id":"p","type":"Consumable","price":990,"offer_discount_type":"HALF"}""", "offer_discount_type")]
    [InlineData("""{"product_id":"p","type":"Consumable","price":990,"expires_date":1}""", "expires_date")]
    [InlineData("""{"product_id":"p","type":"Consumable","price":"cheap"}""", "price")]
    [InlineData("""{"product_id":"p","type":"Consumable","price":990,"purchase_date":99999999999999999}""", "purchase_date")]
    [InlineData("""{"product_id":"p","type":"Auto-Renewable Subscription","price":990,"expires_date":-5}""", "expires_date")]
    public async Task Purchase_WhenInputIsBad_ShouldAnswer400NamingTheProblem(string json, string named)
    {
        var app = await Client.CreateAppAsync();

        var response = await PostRawAsync($"/simulator/apps/{app.BundleId}/purchases", json);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain(named);
    }

    [Fact]
    public async Task Purchase_WhenAppIsUnknown_ShouldAnswer404()
    {
        var response = await PostRawAsync("/simulator/apps/com.example.unknown/purchases", """{"product_id":"p","type":"Consumable","price":990}""");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Decide_WhenNoRefundRequestIsOpen_ShouldAnswer409()
    {
        var app = await Client.CreateAppAsync();
        var transactionId = await Client.PurchaseTransactionIdAsync(app);

        var response = await PostRawAsync($"/simulator/transactions/{transactionId}/decide", """{"outcome":"refund"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).ShouldContain("refund-request");
    }

    [Theory]
    [InlineData("/simulator/transactions/{0}/decide", """{"outcome":"maybe"}""")]
    [InlineData("/simulator/transactions/{0}/decide", """{"outcome":"decline","refund_percentage":500}""")]
    [InlineData("/simulator/transactions/{0}/refund-request", """{"reason":"BORED"}""")]
    public async Task Transactions_WhenInputIsBad_ShouldAnswer400(string path, string json)
    {
        var app = await Client.CreateAppAsync();
        var transactionId = await Client.PurchaseTransactionIdAsync(app);

        var response = await PostRawAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, transactionId), json);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task RefundRequest_WhenTransactionIsRefunded_ShouldAnswer409()
    {
        var app = await Client.CreateAppAsync();
        var transactionId = await Client.PurchaseTransactionIdAsync(app);
        await Client.PostJsonAsync($"/simulator/transactions/{transactionId}/refund-request", null, HttpStatusCode.Accepted);
        await Client.PostJsonAsync(
            $"/simulator/transactions/{transactionId}/decide", new JsonObject { ["outcome"] = "refund", ["refund_percentage"] = 40000 }, HttpStatusCode.OK);

        var again = await PostRawAsync($"/simulator/transactions/{transactionId}/refund-request", "{}");
        var transaction = await Client.GetJsonAsync($"/simulator/transactions/{transactionId}");

        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        transaction.GetProperty("refund_state").GetString().ShouldBe("Refunded");
        transaction.GetProperty("revocation_type").GetString().ShouldBe("REFUND_PRORATED");
        transaction.GetProperty("revocation_percentage").GetInt32().ShouldBe(40000);
    }

    [Fact]
    public async Task RefundRequest_WhenTransactionIsUnknown_ShouldAnswer404()
    {
        var response = await PostRawAsync("/simulator/transactions/2777777777777777/refund-request", "{}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RootPem_WhenAsked_ShouldBeTheSelfSignedRootOfTheChain()
    {
        var response = await Client.Http.GetAsync("/simulator/root.pem");
        var root = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(await response.Content.ReadAsStringAsync());

        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/x-pem-file");
        root.Subject.ShouldBe(root.Issuer);
    }

    private Task<HttpResponseMessage> PostRawAsync(string path, string json) =>
        Client.Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
