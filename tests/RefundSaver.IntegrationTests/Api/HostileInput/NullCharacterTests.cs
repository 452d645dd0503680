using System.Net;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Api.HostileInput;

/// <summary>
/// U+0000 is valid JSON (<c>"\u0000"</c>) that PostgreSQL's text and jsonb cannot store (found by
/// <see cref="RequestFuzzTests"/>): every string field of every body route refuses it with a 400 naming the field.
/// </summary>
public sealed class NullCharacterTests(RealServersFixture servers) : HostileInputTest(servers)
{
    public static TheoryData<string, string> StringFields() => LoneSurrogateTests.StringFields();

    [Theory]
    [MemberData(nameof(StringFields))]
    public async Task Send_WhenAStringFieldHoldsANullCharacter_ShouldAnswer400NamingTheFieldAndStoreNothing(string endpointName, string field)
    {
        var endpoint = BodyEndpoints.Named(endpointName);
        var app = await CreateAppWithProfileAsync();
        var before = await DatabaseSnapshot.TakeAsync(Api.DatabaseConnectionString);

        using var response = await SendAsync(endpoint, app, WithRawValue(endpoint, field, "\"a\\u0000b\""));

        var body = await ShouldBeErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", field.Split('.')[0]);
        body.ToJsonString().ShouldContain("Null characters are not allowed.");
        (await DatabaseSnapshot.TakeAsync(Api.DatabaseConnectionString)).ShouldBe(before);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task Send_WhenTheCustomerUserIdHoldsANullCharacter_ShouldAnswer400AndStoreNothing(string method)
    {
        var app = await CreateAppWithProfileAsync();
        var before = await DatabaseSnapshot.TakeAsync(Api.DatabaseConnectionString);
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/v2/server-side-api/profile/");
        if (method == "POST")
        {
            request.Content = Json("{}");
        }

        // The in-memory server hands header strings over as they are (Kestrel itself refuses a NUL in a header).
        request.Headers.TryAddWithoutValidation("adapty-customer-user-id", "a\0b");

        using var response = await app.Client.SendAsync(request);

        await ShouldBeErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", "adapty-customer-user-id");
        (await DatabaseSnapshot.TakeAsync(Api.DatabaseConnectionString)).ShouldBe(before);
    }
}
