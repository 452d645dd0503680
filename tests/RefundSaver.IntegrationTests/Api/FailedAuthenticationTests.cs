using System.Net;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Api;

/// <summary>An API host that allows 3 wrong credentials per client address a minute; each test uses addresses of its own.</summary>
public sealed class FailedAuthenticationTests(RealServersFixture servers) : IntegrationTest(servers)
{
    private const int Limit = 3;
    private const string ProfilePath = "/api/v2/server-side-api/purchase/profile/refund-saver/settings/";

    public override async Task InitializeAsync() => await UseApiAsync(new Dictionary<string, string?>
    {
        ["Api:FailedAuthentication:PermitLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Api:FailedAuthentication:WindowSeconds"] = "60",
    });

    [Fact]
    public async Task ApiKey_WhenAnAddressPresentsTheLimitOfWrongKeys_ShouldAnswer401UpToItAnd429OnePastIt()
    {
        using var client = Api.CreateClient();

        var answers = new List<HttpResponseMessage>();
        for (var attempt = 0; attempt <= Limit; attempt++)
        {
            answers.Add(await client.SendAsync(WithApiKey(RandomKey(), "198.51.100.1")));
        }

        answers.Take(Limit).ShouldAllBe(answer => answer.StatusCode == HttpStatusCode.Unauthorized);
        var throttled = answers[Limit];
        await ShouldBeErrorAsync(throttled, HttpStatusCode.TooManyRequests, "throttled");
        throttled.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
    }

    [Fact]
    public async Task ApiKey_WhenOneAddressIsThrottled_ShouldAnswerAnotherAddressAsBefore()
    {
        var app = await CreateAppAsync();
        using var client = Api.CreateClient();
        await ExhaustAsync(client, "198.51.100.2");

        var wrong = await client.SendAsync(WithApiKey(RandomKey(), "198.51.100.3"));
        var valid = await client.SendAsync(WithApiKey(app.ApiKey, "198.51.100.3"));

        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        valid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ApiKey_WhenTheAddressIsThrottled_ShouldStillServeAnotherAppsValidKeyFromIt()
    {
        var app = await CreateAppAsync();
        using var client = Api.CreateClient();
        (await client.SendAsync(WithApiKey(app.ApiKey, "198.51.100.4"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await ExhaustAsync(client, "198.51.100.4");

        var valid = await client.SendAsync(WithApiKey(app.ApiKey, "198.51.100.4"));
        var wrong = await client.SendAsync(WithApiKey(RandomKey(), "198.51.100.4"));

        // 400: authenticated, and refused only for the missing profile.
        valid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        wrong.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task AdminToken_WhenAnAddressPresentsTheLimitOfWrongTokens_ShouldRefuseEvenTheRightOneWith429ThereOnly()
    {
        using var client = Api.CreateClient();

        var answers = new List<HttpResponseMessage>();
        for (var attempt = 0; attempt < Limit; attempt++)
        {
            answers.Add(await client.SendAsync(WithAdminToken("wrong-" + attempt, "198.51.100.5")));
        }

        var right = await client.SendAsync(WithAdminToken(RealServersFixture.AdminToken, "198.51.100.5"));
        var elsewhere = await client.SendAsync(WithAdminToken(RealServersFixture.AdminToken, "198.51.100.6"));

        answers.ShouldAllBe(answer => answer.StatusCode == HttpStatusCode.Unauthorized);
        await ShouldBeErrorAsync(right, HttpStatusCode.TooManyRequests, "throttled");
        right.Headers.RetryAfter.ShouldNotBeNull();
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AdminToken_WhenLongerThanAnyConfiguredOne_ShouldBeRefusedAndCounted()
    {
        using var client = Api.CreateClient();

        var answers = new List<HttpResponseMessage>();
        for (var attempt = 0; attempt <= Limit; attempt++)
        {
            answers.Add(await client.SendAsync(WithAdminToken(new string('x', 5000), "198.51.100.7")));
        }

        answers.Take(Limit).ShouldAllBe(answer => answer.StatusCode == HttpStatusCode.Unauthorized);
        answers[Limit].StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    private async Task ExhaustAsync(HttpClient client, string address)
    {
        for (var attempt = 0; attempt < Limit; attempt++)
        {
            (await client.SendAsync(WithApiKey(RandomKey(), address))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
    }

    /// <summary>A well-formed key whose id no app has: each one would be a database lookup.</summary>
    private static string RandomKey() =>
        $"secret_live_{Guid.NewGuid().ToString("N")[..8]}.{Guid.NewGuid():N}";

    private static HttpRequestMessage WithApiKey(string key, string address)
    {
        var request = Request(HttpMethod.Get, ProfilePath, customerUserId: "nobody");
        request.Headers.Authorization = new("Api-Key", key);
        return TestConnection.From(request, address);
    }

    private static HttpRequestMessage WithAdminToken(string token, string address)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin/api/apps");
        request.Headers.Authorization = new("Bearer", token);
        return TestConnection.From(request, address);
    }
}
