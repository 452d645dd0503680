using System.Net;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Api.HostileInput;

/// <summary>
/// A JSON string holding half a UTF-16 surrogate pair (<c>"\ud800"</c>) is valid JSON syntax that no
/// UTF-8 text can store: every route that reads a body refuses it with a 400 and stores nothing.
/// </summary>
public sealed class LoneSurrogateTests(RealServersFixture servers) : HostileInputTest(servers)
{
    public static TheoryData<string, string> StringFields()
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in BodyEndpoints.All)
        {
            foreach (var field in endpoint.StringFields)
            {
                data.Add(endpoint.Name, field);
            }
        }

        return data;
    }

    public static TheoryData<string> Endpoints() => new(BodyEndpoints.All.Select(endpoint => endpoint.Name));

    [Theory]
    [MemberData(nameof(StringFields))]
    public async Task Send_WhenAStringFieldHoldsALoneSurrogate_ShouldAnswer400AndStoreNothing(string endpointName, string field)
    {
        var endpoint = BodyEndpoints.Named(endpointName);
        var app = await CreateAppWithProfileAsync();
        var before = await DatabaseSnapshot.TakeAsync(Api.DatabaseConnectionString);

        using var response = await SendAsync(endpoint, app, WithRawValue(endpoint, field, $"\"{LoneSurrogateEscape}\""));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        await ShouldBeDocumentedClientErrorAsync(response, $"{endpointName} {field}");
        (await DatabaseSnapshot.TakeAsync(Api.DatabaseConnectionString)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Send_WhenAFieldNameHoldsALoneSurrogate_ShouldAnswer400AndStoreNothing(string endpointName)
    {
        var endpoint = BodyEndpoints.Named(endpointName);
        var app = await CreateAppWithProfileAsync();
        var before = await DatabaseSnapshot.TakeAsync(Api.DatabaseConnectionString);
        var body = endpoint.ValidBody.TrimEnd().TrimEnd('}') + $", \"{LoneSurrogateEscape}\": \"x\"}}";

        using var response = await SendAsync(endpoint, app, body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        await ShouldBeDocumentedClientErrorAsync(response, endpointName);
        (await DatabaseSnapshot.TakeAsync(Api.DatabaseConnectionString)).ShouldBe(before);
    }

    /// <summary>Every route that reads the profile headers, each sent a lone surrogate in one of them.</summary>
    public static TheoryData<string, string, string> ProfileHeaderRoutes()
    {
        string[] headers = ["adapty-customer-user-id", "adapty-profile-id"];
        (string Method, string Path)[] routes =
        [
            ("GET", "/api/v2/server-side-api/profile/"),
            ("POST", "/api/v2/server-side-api/profile/"),
            ("PATCH", "/api/v2/server-side-api/profile/"),
            ("DELETE", "/api/v2/server-side-api/profile/"),
            ("GET", "/api/v2/server-side-api/purchase/profile/refund-saver/settings/"),
            ("POST", "/api/v2/server-side-api/purchase/profile/refund-saver/settings/"),
            ("GET", "/api/v2/server-side-api/profile/usage/"),
            ("POST", "/api/v2/server-side-api/profile/usage/"),
            ("POST", "/api/v2/server-side-api/purchase/app-store/transactions/link/"),
        ];
        var data = new TheoryData<string, string, string>();
        foreach (var (method, path) in routes)
        {
            foreach (var header in headers)
            {
                data.Add(method, path, header);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ProfileHeaderRoutes))]
    public async Task Send_WhenAProfileHeaderHoldsALoneSurrogate_ShouldAnswer400AndStoreNothing(string method, string path, string header)
    {
        var app = await CreateAppWithProfileAsync();
        var before = await DatabaseSnapshot.TakeAsync(Api.DatabaseConnectionString);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PATCH")
        {
            request.Content = Json("{}");
        }

        // The in-memory server hands header strings over as they are, so the API sees what a lenient proxy could pass on.
        request.Headers.TryAddWithoutValidation(header, "\ud800");

        using var response = await app.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        await ShouldBeDocumentedClientErrorAsync(response, $"{method} {path} {header}");
        (await DatabaseSnapshot.TakeAsync(Api.DatabaseConnectionString)).ShouldBe(before);
    }

    [Theory]
    [InlineData("/api/v2/server-side-api/purchase/app-store/transactions/consumption/?transaction_id=%ED%A0%80")]
    [InlineData("/api/v2/server-side-api/purchase/app-store/transactions/consumption/?transaction_id=%uD800")]
    public async Task GetPurchaseReport_WhenTheQueryHoldsHalfASurrogateEncoded_ShouldAnswerAClientError(string pathAndQuery)
    {
        var app = await CreateAppWithProfileAsync();

        using var response = await app.Client.GetAsync(pathAndQuery);

        await ShouldBeDocumentedClientErrorAsync(response, pathAndQuery);
    }

    [Theory]
    [InlineData("notifications?type=%ED%A0%80")]
    [InlineData("test-notification/%ED%A0%80")]
    [InlineData("test-notification/%ED%A0%80?environment=%ED%A0%80")]
    public async Task AdminAppStore_WhenTheQueryOrRouteHoldsHalfASurrogateEncoded_ShouldAnswerNo5xx(string pathAndQuery)
    {
        var app = await CreateAppAsync();

        using var response = await Admin.GetAsync($"/admin/api/apps/{app.Id}/{pathAndQuery}");

        // Percent-decoding turns the invalid UTF-8 into U+FFFD, a character like any other: a 200, a 400 or a 404, never a 5xx.
        ((int)response.StatusCode).ShouldBeLessThan(500, await response.Content.ReadAsStringAsync());
        if ((int)response.StatusCode >= 400)
        {
            await ShouldBeDocumentedClientErrorAsync(response, pathAndQuery);
        }
    }

    [Fact]
    public async Task Send_WhenTheApiKeysIdHoldsALoneSurrogate_ShouldAnswer401()
    {
        var app = await CreateAppWithProfileAsync();
        // The key's shape kept (same length, same separator), so that its id is what gets looked up.
        var dot = app.ApiKey.IndexOf('.', StringComparison.Ordinal);
        var key = app.ApiKey[..(dot - 1)] + "\ud800" + app.ApiKey[dot..];
        using var client = Api.CreateClient();
        using var request = Request(HttpMethod.Get, "/api/v2/server-side-api/profile/", customerUserId: BodyEndpoints.CustomerUserId);
        request.Headers.TryAddWithoutValidation("Authorization", "Api-Key " + key);

        using var response = await client.SendAsync(request);

        await ShouldBeErrorAsync(response, HttpStatusCode.Unauthorized, "not_authenticated");
    }

    [Fact]
    public async Task Send_WhenTheAdminTokenHoldsALoneSurrogate_ShouldAnswer401()
    {
        using var client = Api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/api/apps");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + RealServersFixture.AdminToken[..^1] + "\ud800");

        using var response = await client.SendAsync(request);

        await ShouldBeErrorAsync(response, HttpStatusCode.Unauthorized, "not_authenticated");
    }
}
