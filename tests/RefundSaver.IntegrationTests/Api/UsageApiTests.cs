using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Api;

/// <summary>The backend's usage reports (play time, account status), through HTTP against real PostgreSQL and Redis.</summary>
public sealed class UsageApiTests(RealServersFixture servers) : IntegrationTest(servers)
{
    private const string Path = "/api/v2/server-side-api/profile/usage/";

    private async Task<(TestApp App, string ProfileId)> AppWithProfileAsync(string customerUserId = "customer-1")
    {
        var app = await CreateAppAsync();
        var created = await app.Client.SendAsync(Request(HttpMethod.Post, "/api/v2/server-side-api/profile/", "{}", customerUserId));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var profileId = (await ReadJsonAsync(created))["data"]!["profile_id"]!.GetValue<string>();
        return (app, profileId);
    }

    private static Task<HttpResponseMessage> PostUsage(TestApp app, string json, string? customerUserId = "customer-1", string? profileId = null) =>
        app.Client.SendAsync(Request(HttpMethod.Post, Path, json, customerUserId, profileId));

    private static async Task<JsonObject> GetUsage(TestApp app, string customerUserId = "customer-1")
    {
        var response = await app.Client.SendAsync(Request(HttpMethod.Get, Path, customerUserId: customerUserId));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await ReadJsonAsync(response))["usage"]!.AsObject();
    }

    /// <summary>What is in the row, read past the API.</summary>
    private async Task<(long? PlayTimeSeconds, string? AccountStatus)> StoredAsync(string profileId)
    {
        await using var connection = new NpgsqlConnection(Api.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT play_time_seconds, account_status FROM profiles WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", Guid.Parse(profileId));
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        return (reader.IsDBNull(0) ? null : reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    [Fact]
    public async Task Post_WhenBothFieldsGiven_ShouldStoreThemAndAnswerTheBodyExactly()
    {
        var (app, profileId) = await AppWithProfileAsync();

        var response = await PostUsage(app, """{"play_time_seconds": 7200, "account_status": "suspended"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Canonical(await response.Content.ReadAsStringAsync()).ShouldBe(Canonical(
            $$$"""{"profile_id":"{{{profileId}}}","usage":{"play_time_seconds":7200,"account_status":"suspended"}}"""));
        (await StoredAsync(profileId)).ShouldBe((7200L, "suspended"));
    }

    [Fact]
    public async Task Get_WhenSomethingWasReported_ShouldAnswerTheSameBodyAsThePost()
    {
        var (app, _) = await AppWithProfileAsync();
        var posted = await PostUsage(app, """{"play_time_seconds": 60, "account_status": "limited_access"}""");

        var read = await app.Client.SendAsync(Request(HttpMethod.Get, Path, customerUserId: "customer-1"));

        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        Canonical(await read.Content.ReadAsStringAsync()).ShouldBe(Canonical(await posted.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Get_WhenNothingReported_ShouldAnswerBothFieldsAsNull()
    {
        var (app, profileId) = await AppWithProfileAsync();

        var response = await app.Client.SendAsync(Request(HttpMethod.Get, Path, customerUserId: null, profileId: profileId));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Canonical(await response.Content.ReadAsStringAsync()).ShouldBe(Canonical(
            $$$"""{"profile_id":"{{{profileId}}}","usage":{"play_time_seconds":null,"account_status":null}}"""));
    }

    [Fact]
    public async Task Post_WhenPlayTimeLeftOut_ShouldKeepIt()
    {
        var (app, profileId) = await AppWithProfileAsync();
        await PostUsage(app, """{"play_time_seconds": 3600, "account_status": "active"}""");

        var response = await PostUsage(app, """{"account_status": "terminated"}""");

        var usage = (await ReadJsonAsync(response))["usage"]!;
        usage["play_time_seconds"]!.GetValue<long>().ShouldBe(3600);
        usage["account_status"]!.GetValue<string>().ShouldBe("terminated");
        (await StoredAsync(profileId)).ShouldBe((3600L, "terminated"));
    }

    [Fact]
    public async Task Post_WhenAccountStatusLeftOut_ShouldKeepIt()
    {
        var (app, profileId) = await AppWithProfileAsync();
        await PostUsage(app, """{"play_time_seconds": 3600, "account_status": "suspended"}""");

        var response = await PostUsage(app, """{"play_time_seconds": 5400}""");

        var usage = (await ReadJsonAsync(response))["usage"]!;
        usage["play_time_seconds"]!.GetValue<long>().ShouldBe(5400);
        usage["account_status"]!.GetValue<string>().ShouldBe("suspended");
        (await StoredAsync(profileId)).ShouldBe((5400L, "suspended"));
    }

    [Fact]
    public async Task Post_WhenEmptyBody_ShouldChangeNothing()
    {
        var (app, profileId) = await AppWithProfileAsync();
        await PostUsage(app, """{"play_time_seconds": 10, "account_status": "active"}""");

        var response = await app.Client.SendAsync(Request(HttpMethod.Post, Path, customerUserId: "customer-1"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StoredAsync(profileId)).ShouldBe((10L, "active"));
    }

    [Fact]
    public async Task Post_WhenExplicitNull_ShouldForgetTheField()
    {
        var (app, profileId) = await AppWithProfileAsync();
        await PostUsage(app, """{"play_time_seconds": 3600, "account_status": "suspended"}""");

        var response = await PostUsage(app, """{"play_time_seconds": null, "account_status": null}""");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var usage = await GetUsage(app);
        usage.ContainsKey("play_time_seconds").ShouldBeTrue();
        usage["play_time_seconds"].ShouldBeNull();
        usage.ContainsKey("account_status").ShouldBeTrue();
        usage["account_status"].ShouldBeNull();
        (await StoredAsync(profileId)).ShouldBe((null, null));
    }

    [Fact]
    public async Task Post_WhenOnlyOneFieldIsNull_ShouldForgetOnlyThatOne()
    {
        var (app, profileId) = await AppWithProfileAsync();
        await PostUsage(app, """{"play_time_seconds": 3600, "account_status": "suspended"}""");

        await PostUsage(app, """{"account_status": null}""");

        (await StoredAsync(profileId)).ShouldBe((3600L, null));
    }

    [Theory]
    [InlineData("active")]
    [InlineData("suspended")]
    [InlineData("terminated")]
    [InlineData("limited_access")]
    public async Task Post_WhenAccountStatusIsAContractValue_ShouldStoreIt(string status)
    {
        var (app, _) = await AppWithProfileAsync();

        await PostUsage(app, $$"""{"account_status": "{{status}}"}""");

        (await GetUsage(app))["account_status"]!.GetValue<string>().ShouldBe(status);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(315_576_000L)]
    public async Task Post_WhenPlayTimeIsAtALimit_ShouldStoreIt(long seconds)
    {
        var (app, _) = await AppWithProfileAsync();

        var response = await PostUsage(app, $$"""{"play_time_seconds": {{seconds}}}""");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await GetUsage(app))["play_time_seconds"]!.GetValue<long>().ShouldBe(seconds);
    }

    [Fact]
    public async Task Post_WhenProfileIdHeaderUsed_ShouldReportOnThatProfile()
    {
        var (app, profileId) = await AppWithProfileAsync();

        var response = await PostUsage(app, """{"play_time_seconds": 42}""", customerUserId: null, profileId: profileId);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadJsonAsync(response))["profile_id"]!.GetValue<string>().ShouldBe(profileId);
        (await GetUsage(app))["play_time_seconds"]!.GetValue<long>().ShouldBe(42);
    }

    [Theory]
    [InlineData("""{"play_time_seconds": -1}""", "play_time_seconds")]
    [InlineData("""{"play_time_seconds": 315576001}""", "play_time_seconds")]
    [InlineData("""{"play_time_seconds": 1.5}""", "play_time_seconds")]
    [InlineData("""{"play_time_seconds": 1e3}""", "play_time_seconds")]
    [InlineData("""{"play_time_seconds": 99999999999999999999}""", "play_time_seconds")]
    [InlineData("""{"play_time_seconds": "60"}""", "play_time_seconds")]
    [InlineData("""{"play_time_seconds": true}""", "play_time_seconds")]
    [InlineData("""{"play_time_seconds": [60]}""", "play_time_seconds")]
    [InlineData("""{"account_status": "ACTIVE"}""", "account_status")]
    [InlineData("""{"account_status": "banned"}""", "account_status")]
    [InlineData("""{"account_status": ""}""", "account_status")]
    [InlineData("""{"account_status": 1}""", "account_status")]
    [InlineData("""{"account_status": {}}""", "account_status")]
    [InlineData("""{"play_time_seconds": 5, "account_status": "gone"}""", "account_status")]
    public async Task Post_WhenValueIsBad_ShouldAnswer400NamingTheFieldAndChangeNothing(string json, string field)
    {
        var (app, profileId) = await AppWithProfileAsync();
        await PostUsage(app, """{"play_time_seconds": 100, "account_status": "active"}""");

        var response = await PostUsage(app, json);

        await ShouldBeErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", field);
        (await StoredAsync(profileId)).ShouldBe((100L, "active"));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("null")]
    public async Task Post_WhenBodyIsNotAJsonObject_ShouldAnswer400(string json)
    {
        var (app, _) = await AppWithProfileAsync();

        var response = await PostUsage(app, json);

        await ShouldBeErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", "non_field_errors");
    }

    [Fact]
    public async Task Post_WhenProfileDoesNotExist_ShouldAnswerProfileDoesNotExistLikeTheSettingsEndpoint()
    {
        var app = await CreateAppAsync();

        var response = await PostUsage(app, """{"play_time_seconds": 1}""", customerUserId: "nobody");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Canonical(await response.Content.ReadAsStringAsync()).ShouldBe(Canonical(
            """{"errors":[{"source":"non_field_errors","errors":["Profile not found"]}],"error_code":"profile_does_not_exist","status_code":400}"""));
    }

    [Fact]
    public async Task Get_WhenProfileDoesNotExist_ShouldAnswerProfileDoesNotExist()
    {
        var app = await CreateAppAsync();

        var response = await app.Client.SendAsync(Request(HttpMethod.Get, Path, customerUserId: null, profileId: Guid.NewGuid().ToString()));

        await ShouldBeErrorAsync(response, HttpStatusCode.BadRequest, "profile_does_not_exist", "non_field_errors");
    }

    [Fact]
    public async Task Post_WhenBothProfileHeaders_ShouldAnswer400AndChangeNothing()
    {
        var (app, profileId) = await AppWithProfileAsync();

        var response = await PostUsage(app, """{"play_time_seconds": 1}""", "customer-1", profileId);

        var body = await ShouldBeErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", "non_field_errors");
        body.ToJsonString().ShouldContain("not both");
        (await StoredAsync(profileId)).ShouldBe((null, null));
    }

    [Fact]
    public async Task Post_WhenNeitherProfileHeader_ShouldAnswer400()
    {
        var (app, _) = await AppWithProfileAsync();

        var response = await PostUsage(app, """{"play_time_seconds": 1}""", customerUserId: null);

        var body = await ShouldBeErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", "non_field_errors");
        body.ToJsonString().ShouldContain("adapty-customer-user-id");
    }

    [Fact]
    public async Task Get_WhenNeitherProfileHeader_ShouldAnswer400()
    {
        var (app, _) = await AppWithProfileAsync();

        var response = await app.Client.SendAsync(Request(HttpMethod.Get, Path));

        await ShouldBeErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", "non_field_errors");
    }

    [Fact]
    public async Task Post_WhenProfileIdIsNotAUuid_ShouldAnswer400NamingTheHeader()
    {
        var (app, _) = await AppWithProfileAsync();

        var response = await PostUsage(app, """{"play_time_seconds": 1}""", customerUserId: null, profileId: "12345");

        await ShouldBeErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", "adapty-profile-id");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Api-Key secret_live_AAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB")]
    [InlineData("Bearer integration-admin-token")]
    public async Task Post_WhenCredentialsAreMissingOrWrong_ShouldAnswer401AndChangeNothing(string? authorization)
    {
        var (_, profileId) = await AppWithProfileAsync();
        using var client = Api.CreateClient();
        var request = Request(HttpMethod.Post, Path, """{"play_time_seconds": 1}""", "customer-1");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await client.SendAsync(request);

        await ShouldBeErrorAsync(response, HttpStatusCode.Unauthorized, "not_authenticated", "non_field_errors");
        (await StoredAsync(profileId)).ShouldBe((null, null));
    }

    [Fact]
    public async Task Get_WhenKeyIsWrong_ShouldAnswer401()
    {
        using var client = Api.CreateAppClient("secret_live_AAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB");

        var response = await client.SendAsync(Request(HttpMethod.Get, Path, customerUserId: "customer-1"));

        await ShouldBeErrorAsync(response, HttpStatusCode.Unauthorized, "not_authenticated");
    }

    [Fact]
    public async Task Post_WhenKeyOfAnotherApp_ShouldNeitherSeeNorChangeTheProfile()
    {
        var (owner, profileId) = await AppWithProfileAsync("shared-id");
        await PostUsage(owner, """{"play_time_seconds": 100, "account_status": "active"}""", "shared-id");
        var stranger = await CreateAppAsync();

        var byCustomerId = await PostUsage(stranger, """{"account_status": "terminated"}""", "shared-id");
        var byProfileId = await PostUsage(stranger, """{"account_status": "terminated"}""", customerUserId: null, profileId: profileId);
        var read = await stranger.Client.SendAsync(Request(HttpMethod.Get, Path, customerUserId: null, profileId: profileId));

        await ShouldBeErrorAsync(byCustomerId, HttpStatusCode.BadRequest, "profile_does_not_exist");
        await ShouldBeErrorAsync(byProfileId, HttpStatusCode.BadRequest, "profile_does_not_exist");
        await ShouldBeErrorAsync(read, HttpStatusCode.BadRequest, "profile_does_not_exist");
        (await StoredAsync(profileId)).ShouldBe((100L, "active"));
    }

    [Fact]
    public async Task Post_WhenConcurrentReportsEachLeaveOneFieldOut_ShouldLoseNeitherField()
    {
        var (app, profileId) = await AppWithProfileAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(index =>
            PostUsage(app, index % 2 == 0 ? """{"play_time_seconds": 900}""" : """{"account_status": "suspended"}""")));

        responses.ShouldAllBe(response => response.StatusCode == HttpStatusCode.OK);
        (await StoredAsync(profileId)).ShouldBe((900L, "suspended"));
    }
}
