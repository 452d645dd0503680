using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RefundSaver.AppStoreSimulator.AppleApi;
using RefundSaver.AppStoreSimulator.Tests.Infrastructure;

namespace RefundSaver.AppStoreSimulator.Tests;

public sealed class ApiTokenTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private static readonly JsonObject ValidBody = new()
    {
        ["customerConsented"] = true,
        ["deliveryStatus"] = "DELIVERED",
        ["sampleContentProvided"] = false,
    };

    private SimulatorClient Client => fixture.Client;

    public static TheoryData<string> BadTokens =>
    [
        "alg HS256", "alg none", "alg missing", "kid unknown", "kid missing", "kid not ascii", "typ other", "typ missing", "signed by another key",
        "iss wrong", "iss missing", "aud wrong", "aud missing", "bid wrong", "bid missing", "iat in the future", "iat missing",
        "exp passed", "exp missing", "lives over 60 minutes",
    ];

    [Fact]
    public async Task SendConsumption_WhenTokenIsValid_ShouldAnswer202()
    {
        var (app, transactionId) = await AppWithPurchaseAsync();

        var response = await Client.SendConsumptionAsync(app, "v2", transactionId, ValidBody);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadAsStringAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task SendConsumption_WhenTokenIsMadeByIdentityModel_ShouldAnswer202()
    {
        var (app, transactionId) = await AppWithPurchaseAsync();
        using var key = ECDsa.Create();
        key.ImportFromPem(app.PrivateKeyPem);
        var now = Client.Now.UtcDateTime;
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = app.IssuerId,
            Audience = ApiAuthenticator.Audience,
            IssuedAt = now,
            Expires = now.AddMinutes(20),
            TokenType = "JWT",
            Claims = new Dictionary<string, object> { ["bid"] = app.BundleId },
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = app.KeyId }, SecurityAlgorithms.EcdsaSha256),
        });

        var response = await Client.SendConsumptionAsync(app, "v2", transactionId, ValidBody, token: token);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task SendConsumption_WhenTokenBreaksARule_ShouldAnswer401WithoutErrorCode(string fault)
    {
        var (app, transactionId) = await AppWithPurchaseAsync();
        var other = await Client.CreateAppAsync();
        using var strangerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var now = Client.Now.ToUnixTimeSeconds();
        var token = Client.Token(app, spec => fault switch
        {
            "alg HS256" => spec with { Alg = "HS256" },
            "alg none" => spec with { Alg = "none" },
            "alg missing" => spec with { Alg = null },
            "kid unknown" => spec with { Kid = "NOTAKEY000" },
            "kid missing" => spec with { Kid = null },
            "kid not ascii" => spec with { Kid = "ключ\r\nX-Injected: 1" },
            "typ other" => spec with { Typ = "at+jwt" },
            "typ missing" => spec with { Typ = null },
            "signed by another key" => spec with { SigningKey = strangerKey },
            "iss wrong" => spec with { Iss = other.IssuerId },
            "iss missing" => spec with { Iss = null },
            "aud wrong" => spec with { Aud = "appstoreconnect-v2" },
            "aud missing" => spec with { Aud = null },
            "bid wrong" => spec with { Bid = other.BundleId },
            "bid missing" => spec with { Bid = null },
            "iat in the future" => spec with { Iat = now + 600, Exp = now + 900 },
            "iat missing" => spec with { Iat = null },
            "exp passed" => spec with { Iat = now - 600, Exp = now - 1 },
            "exp missing" => spec with { Exp = null },
            "lives over 60 minutes" => spec with { Exp = now + 3601 },
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
        });

        var response = await Client.SendConsumptionAsync(app, "v2", transactionId, ValidBody, token: token);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.GetValues(AppleApiResult.ReasonHeader).Single().ShouldNotBeNullOrWhiteSpace();
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("errorCode");
    }

    [Fact]
    public async Task SendConsumption_WhenTokenLivesExactly60Minutes_ShouldAnswer202()
    {
        var (app, transactionId) = await AppWithPurchaseAsync();
        var now = Client.Now.ToUnixTimeSeconds();

        var response = await Client.SendConsumptionAsync(
            app, "v2", transactionId, ValidBody, token: Client.Token(app, spec => spec with { Iat = now, Exp = now + 3600 }));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task SendConsumption_WhenAuthorizationHeaderIsMissing_ShouldAnswer401()
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/inApps/v2/transactions/consumption/2000000000000001")
        {
            Content = new StringContent(ValidBody.ToJsonString()),
        };

        var response = await Client.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SendConsumption_WhenSecondKeyOfTheAppSigns_ShouldAnswer202()
    {
        var (app, transactionId) = await AppWithPurchaseAsync();
        var second = await Client.PostJsonAsync($"/simulator/apps/{app.BundleId}/keys", null, HttpStatusCode.Created);
        var secondApp = app with { KeyId = second.GetProperty("key_id").GetString()!, PrivateKeyPem = second.GetProperty("private_key_pem").GetString()! };

        var response = await Client.SendConsumptionAsync(secondApp, "v2", transactionId, ValidBody);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        second.GetProperty("issuer_id").GetString().ShouldBe(app.IssuerId);
    }

    private async Task<(CreatedApp App, string TransactionId)> AppWithPurchaseAsync()
    {
        var app = await Client.CreateAppAsync();
        return (app, await Client.PurchaseTransactionIdAsync(app));
    }
}
