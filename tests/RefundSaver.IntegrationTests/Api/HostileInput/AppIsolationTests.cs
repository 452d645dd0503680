using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RefundSaver.Api.Endpoints;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Api.HostileInput;

/// <summary>
/// One app's key reaches nothing of another app: every route of the app-backend API, as the running
/// API lists them (a new route is walked without being named here), is called with a second app's
/// key and the first app's profile, customer and transaction.
/// </summary>
public sealed class AppIsolationTests(RealServersFixture servers) : HostileInputTest(servers)
{
    private const string VictimEmail = "victim-only@example.com";
    private const string VictimTransactionId = "2000000000000002";

    [Fact]
    public async Task EveryAppBackendRoute_WhenCalledWithAnotherAppsKey_ShouldNeitherShowNorChangeTheFirstAppsData()
    {
        var victim = await CreateVictimAsync();
        var profileId = await VictimProfileIdAsync(victim);
        var intruder = await CreateAppAsync();
        var before = await DatabaseSnapshot.TakeOfAppAsync(Api.DatabaseConnectionString, victim.Id);
        var routes = AppBackendRoutes();
        (string Header, string Value)[] selectors =
        [
            ("adapty-profile-id", profileId),
            ("adapty-customer-user-id", BodyEndpoints.CustomerUserId),
        ];

        // Reads and changes of what exists first: the intruder has no such profile or report yet, so each is "does not exist"
        // (Adapty answers a missing profile with 400 profile_does_not_exist, a missing report is our 404).
        foreach (var (method, path) in routes.Where(route => route.Method != "POST"))
        {
            foreach (var (header, value) in selectors)
            {
                using var response = await SendAsIntruderAsync(intruder, method, path, header, value);
                var what = $"{method} {path} with {header}";
                var text = await response.Content.ReadAsStringAsync();
                response.StatusCode.ShouldBeOneOf([HttpStatusCode.NotFound, HttpStatusCode.BadRequest], $"{what}: {text}");
                await ShouldBeDocumentedClientErrorAsync(response, what);
                JsonNode.Parse(text)!["error_code"]!.GetValue<string>().ShouldEndWith("_does_not_exist", Case.Sensitive, what);
                await ShouldNotRevealAsync(response, victim, profileId, what);
            }
        }

        // Creations: the intruder may make its own profile, link or report under the same names, never touch the victim's.
        foreach (var (method, path) in routes.Where(route => route.Method == "POST"))
        {
            foreach (var (header, value) in selectors)
            {
                using var response = await SendAsIntruderAsync(intruder, method, path, header, value);
                var what = $"{method} {path} with {header}";
                ((int)response.StatusCode).ShouldBeLessThan(500, what);
                if ((int)response.StatusCode >= 400)
                {
                    await ShouldBeDocumentedClientErrorAsync(response, what);
                }

                await ShouldNotRevealAsync(response, victim, profileId, what);
            }
        }

        routes.Count.ShouldBeGreaterThanOrEqualTo(BodyEndpoints.All.Count(endpoint => endpoint.Caller == Caller.App) + 4);
        (await DatabaseSnapshot.TakeOfAppAsync(Api.DatabaseConnectionString, victim.Id)).ShouldBe(before);
    }

    /// <summary>The routes that take an app's key, from the API's own endpoint list.</summary>
    private List<(string Method, string Path)> AppBackendRoutes() =>
        Api.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(data => data.Policy == AuthorizationPolicies.AppBackend))
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method =>
                (method, "/" + endpoint.RoutePattern.RawText!.TrimStart('/'))))
            .OrderBy(route => route.Item2, StringComparer.Ordinal).ThenBy(route => route.method, StringComparer.Ordinal)
            .ToList();

    /// <summary>The victim app with a profile holding data, its settings, usage, a link and a purchase report.</summary>
    private async Task<TestApp> CreateVictimAsync()
    {
        var app = await CreateAppWithProfileAsync();
        foreach (var endpoint in BodyEndpoints.All.Where(endpoint => endpoint.Caller == Caller.App && endpoint.Name != "CreateProfile"))
        {
            var body = endpoint.Body();
            if (endpoint.Name == "UpdateProfile")
            {
                body["email"] = VictimEmail;
            }

            using var response = await SendAsync(endpoint, app, body.ToJsonString());
            response.IsSuccessStatusCode.ShouldBeTrue($"{endpoint.Name}: {await response.Content.ReadAsStringAsync()}");
        }

        return app;
    }

    private static async Task<string> VictimProfileIdAsync(TestApp victim)
    {
        using var response = await victim.Client.SendAsync(Request(HttpMethod.Get, ProfilesEndpoints.Path, customerUserId: BodyEndpoints.CustomerUserId));
        var data = (await ReadJsonAsync(response))["data"]!;
        data["email"]!.GetValue<string>().ShouldBe(VictimEmail);
        return data["profile_id"]!.GetValue<string>();
    }

    private Task<HttpResponseMessage> SendAsIntruderAsync(TestApp intruder, string method, string path, string header, string value)
    {
        var body = BodyEndpoints.All.FirstOrDefault(endpoint =>
            endpoint.Caller == Caller.App && endpoint.Method.Method == method && endpoint.Path(intruder.Id) == path);
        var request = new HttpRequestMessage(new HttpMethod(method), $"{path}?transaction_id={VictimTransactionId}");
        if (method is "POST" or "PATCH")
        {
            request.Content = Json(body?.ValidBody ?? "{}");
        }

        request.Headers.Add(header, value);
        return intruder.Client.SendAsync(request);
    }

    private static async Task ShouldNotRevealAsync(HttpResponseMessage response, TestApp victim, string profileId, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldNotContain(profileId, Case.Insensitive, what);
        text.ShouldNotContain(VictimEmail, Case.Insensitive, what);
        text.ShouldNotContain(victim.Id.ToString(), Case.Insensitive, what);
        if (text.Length > 0 && (int)response.StatusCode >= 400)
        {
            JsonNode.Parse(text)!["error_code"].ShouldNotBeNull(what);
        }
    }
}
