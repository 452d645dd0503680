using System.Net;
using Npgsql;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Api;

/// <summary>Adapty's profile CRUD at <c>/api/v2/server-side-api/profile/</c>.</summary>
public sealed class ProfilesApiTests(RealServersFixture servers) : IntegrationTest(servers)
{
    private const string Path = "/api/v2/server-side-api/profile/";

    [Fact]
    public async Task Create_WhenCustomerIsNew_ShouldAnswer201WithAdaptysProfileObject()
    {
        var app = await CreateAppAsync();

        var response = await app.Client.SendAsync(Request(HttpMethod.Post, Path, """{"email": "jane@example.com", "first_name": "Jane"}""", "jane"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var data = (await ReadJsonAsync(response))["data"]!;
        data["app_id"]!.GetValue<string>().ShouldBe(app.Id.ToString());
        Guid.TryParse(data["profile_id"]!.GetValue<string>(), out _).ShouldBeTrue();
        data["customer_user_id"]!.GetValue<string>().ShouldBe("jane");
        data["total_revenue_usd"]!.GetValue<decimal>().ShouldBe(0m);
        data["timestamp"]!.GetValue<long>().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds());
        data["email"]!.GetValue<string>().ShouldBe("jane@example.com");
        data["first_name"]!.GetValue<string>().ShouldBe("Jane");
    }

    [Fact]
    public async Task Create_WhenCustomerUserIdExists_ShouldAnswer200WithTheSameProfileUnchanged()
    {
        var app = await CreateAppAsync();
        var first = await ReadJsonAsync(await app.Client.SendAsync(Request(HttpMethod.Post, Path, """{"email": "a@example.com"}""", "same")));

        var again = await app.Client.SendAsync(Request(HttpMethod.Post, Path, """{"email": "b@example.com"}""", "same"));

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var data = (await ReadJsonAsync(again))["data"]!;
        data["profile_id"]!.GetValue<string>().ShouldBe(first["data"]!["profile_id"]!.GetValue<string>());
        data["email"]!.GetValue<string>().ShouldBe("a@example.com");
    }

    [Fact]
    public async Task Create_WhenTwentyConcurrentCreatesOfOneCustomer_ShouldMakeExactlyOneProfile()
    {
        var app = await CreateAppAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            app.Client.SendAsync(Request(HttpMethod.Post, Path, "{}", "racer"))));

        responses.Count(response => response.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(response => response.StatusCode == HttpStatusCode.OK).ShouldBe(19);
        var ids = new HashSet<string>();
        foreach (var response in responses)
        {
            ids.Add((await ReadJsonAsync(response))["data"]!["profile_id"]!.GetValue<string>());
        }

        ids.Count.ShouldBe(1);
        (await CountProfilesAsync(app.Id, "customer_user_id = 'racer'")).ShouldBe(1);
    }

    [Fact]
    public async Task Create_WhenTwentyConcurrentCreatesClaimOneAppAccountToken_ShouldGiveItToOneAndAnswer409ToTheRest()
    {
        var app = await CreateAppAsync();
        var token = Guid.NewGuid();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(index =>
            app.Client.SendAsync(Request(HttpMethod.Post, Path, $$"""{"app_account_token": "{{token}}"}""", $"claimant-{index}"))));

        await ShouldHaveGivenTheTokenToOneAsync(app.Id, token, responses, HttpStatusCode.Created);
    }

    [Fact]
    public async Task Patch_WhenTwentyConcurrentPatchesClaimOneAppAccountToken_ShouldGiveItToOneAndAnswer409ToTheRest()
    {
        var app = await CreateAppAsync();
        var customers = Enumerable.Range(0, 20).Select(index => $"patch-claimant-{index}").ToList();
        foreach (var customer in customers)
        {
            (await app.Client.SendAsync(Request(HttpMethod.Post, Path, "{}", customer))).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var token = Guid.NewGuid();
        var responses = await Task.WhenAll(customers.Select(customer =>
            app.Client.SendAsync(Request(HttpMethod.Patch, Path, $$"""{"app_account_token": "{{token}}"}""", customer))));

        await ShouldHaveGivenTheTokenToOneAsync(app.Id, token, responses, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Create_WhenAProfileIdAndTokenClaimsOfTheSameIdRace_ShouldLeaveOneProfileAnsweringToIt()
    {
        var app = await CreateAppAsync();
        var contested = Guid.NewGuid();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(index => app.Client.SendAsync(index == 10
            ? Request(HttpMethod.Post, Path, "{}", profileId: contested.ToString())
            : Request(HttpMethod.Post, Path, $$"""{"app_account_token": "{{contested}}"}""", $"token-claimant-{index}"))));

        await ShouldHaveGivenTheTokenToOneAsync(app.Id, contested, responses, HttpStatusCode.Created);
    }

    [Fact]
    public async Task Patch_WhenClearingTheTokenWouldAnswerToAnIdAnotherProfileTook_ShouldAnswer409AndKeepTheToken()
    {
        var app = await CreateAppAsync();
        var ownToken = Guid.NewGuid();
        var first = await ReadJsonAsync(await app.Client.SendAsync(
            Request(HttpMethod.Post, Path, $$"""{"app_account_token": "{{ownToken}}"}""", "first")));
        var firstId = first["data"]!["profile_id"]!.GetValue<string>();
        (await app.Client.SendAsync(Request(HttpMethod.Post, Path, $$"""{"app_account_token": "{{firstId}}"}""", "second")))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var cleared = await app.Client.SendAsync(Request(HttpMethod.Patch, Path, """{"app_account_token": null}""", "first"));

        await ShouldBeErrorAsync(cleared, HttpStatusCode.Conflict, "app_account_token_taken", "app_account_token");
        (await CountProfilesAsync(app.Id, $"customer_user_id = 'first' AND app_account_token = '{ownToken}'")).ShouldBe(1);
    }

    [Fact]
    public async Task Database_WhenAProfileTakesAnotherProfilesIdAsItsToken_ShouldRefuseIt()
    {
        var app = await CreateAppAsync();
        var created = await ReadJsonAsync(await app.Client.SendAsync(Request(HttpMethod.Post, Path, "{}", "holder")));
        var holderId = Guid.Parse(created["data"]!["profile_id"]!.GetValue<string>());
        await using var connection = new NpgsqlConnection(Api.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            "INSERT INTO profiles (id, app_id, app_account_token, created_at, updated_at) VALUES (@id, @app, @token, now(), now())", connection);
        insert.Parameters.AddWithValue("id", Guid.NewGuid());
        insert.Parameters.AddWithValue("app", app.Id);
        insert.Parameters.AddWithValue("token", holderId);

        var refused = await Should.ThrowAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());

        refused.SqlState.ShouldBe(PostgresErrorCodes.UniqueViolation);
        refused.ConstraintName.ShouldBe("ix_profiles_app_id_effective_app_account_token");
    }

    [Fact]
    public async Task Create_WhenProfileIdHeaderGiven_ShouldCreateAnAnonymousProfileWithThatId()
    {
        var app = await CreateAppAsync();
        var profileId = Guid.NewGuid().ToString();

        var response = await app.Client.SendAsync(Request(HttpMethod.Post, Path, "{}", profileId: profileId));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var data = (await ReadJsonAsync(response))["data"]!;
        data["profile_id"]!.GetValue<string>().ShouldBe(profileId);
        data["customer_user_id"].ShouldBeNull();
    }

    [Fact]
    public async Task Create_WhenProfileIdBelongsToAnotherApp_ShouldAnswer409AndLeaveItAlone()
    {
        var owner = await CreateAppAsync();
        var profileId = Guid.NewGuid().ToString();
        await owner.Client.SendAsync(Request(HttpMethod.Post, Path, "{}", profileId: profileId));
        var stranger = await CreateAppAsync();

        var response = await stranger.Client.SendAsync(Request(HttpMethod.Post, Path, "{}", profileId: profileId));

        await ShouldBeErrorAsync(response, HttpStatusCode.Conflict, "profile_already_exists", "adapty-profile-id");
        (await CountProfilesAsync(owner.Id, $"id = '{profileId}'")).ShouldBe(1);
    }

    [Fact]
    public async Task Get_WhenFoundByEitherHeader_ShouldAnswerTheSameProfile()
    {
        var app = await CreateAppAsync();
        var created = await ReadJsonAsync(await app.Client.SendAsync(Request(HttpMethod.Post, Path, "{}", "finder")));
        var profileId = created["data"]!["profile_id"]!.GetValue<string>();

        var byCustomer = await ReadJsonAsync(await app.Client.SendAsync(Request(HttpMethod.Get, Path, customerUserId: "finder")));
        var byProfile = await ReadJsonAsync(await app.Client.SendAsync(Request(HttpMethod.Get, Path, profileId: profileId)));

        byCustomer["data"]!["profile_id"]!.GetValue<string>().ShouldBe(profileId);
        byProfile["data"]!["customer_user_id"]!.GetValue<string>().ShouldBe("finder");
    }

    [Fact]
    public async Task Patch_WhenSomeFieldsGiven_ShouldChangeOnlyThose()
    {
        var app = await CreateAppAsync();
        await app.Client.SendAsync(Request(HttpMethod.Post, Path, """{"email": "old@example.com", "last_name": "Doe"}""", "patcher"));

        var response = await app.Client.SendAsync(Request(HttpMethod.Patch, Path, """{"email": "new@example.com", "last_name": null}""", "patcher"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var data = (await ReadJsonAsync(response))["data"]!;
        data["email"]!.GetValue<string>().ShouldBe("new@example.com");
        data["last_name"].ShouldBeNull();
        data["customer_user_id"]!.GetValue<string>().ShouldBe("patcher");
    }

    [Theory]
    [InlineData("""{"email": "not-an-email"}""", "email")]
    [InlineData("""{"email": 42}""", "email")]
    [InlineData("""{"first_name": ["a"]}""", "first_name")]
    public async Task Patch_WhenFieldIsBad_ShouldAnswer400NamingIt(string json, string field)
    {
        var app = await CreateAppAsync();
        await app.Client.SendAsync(Request(HttpMethod.Post, Path, "{}", "bad-patch"));

        var response = await app.Client.SendAsync(Request(HttpMethod.Patch, Path, json, "bad-patch"));

        await ShouldBeErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", field);
    }

    [Fact]
    public async Task Patch_WhenProfileMissing_ShouldAnswerProfileDoesNotExist()
    {
        var app = await CreateAppAsync();

        var response = await app.Client.SendAsync(Request(HttpMethod.Patch, Path, "{}", "ghost"));

        await ShouldBeErrorAsync(response, HttpStatusCode.BadRequest, "profile_does_not_exist");
    }

    [Fact]
    public async Task Delete_WhenProfileExists_ShouldAnswer204AndEraseItsPersonalDataAndSettings()
    {
        var app = await CreateAppAsync();
        await app.Client.SendAsync(Request(HttpMethod.Post, Path, """{"email": "erase-me@example.com", "phone_number": "+15550100"}""", "leaver"));
        await app.Client.SendAsync(Request(
            HttpMethod.Post, "/api/v2/server-side-api/purchase/profile/refund-saver/settings/", """{"consent": true}""", "leaver"));

        var response = await app.Client.SendAsync(Request(HttpMethod.Delete, Path, customerUserId: "leaver"));

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await ShouldBeErrorAsync(
            await app.Client.SendAsync(Request(HttpMethod.Get, Path, customerUserId: "leaver")),
            HttpStatusCode.BadRequest,
            "profile_does_not_exist");
        (await CountProfilesAsync(app.Id, "email = 'erase-me@example.com' OR customer_user_id = 'leaver'")).ShouldBe(0);
    }

    [Fact]
    public async Task Delete_WhenKeyOfAnotherApp_ShouldNotDeleteTheProfile()
    {
        var owner = await CreateAppAsync();
        await owner.Client.SendAsync(Request(HttpMethod.Post, Path, "{}", "kept"));
        var stranger = await CreateAppAsync();

        var response = await stranger.Client.SendAsync(Request(HttpMethod.Delete, Path, customerUserId: "kept"));

        await ShouldBeErrorAsync(response, HttpStatusCode.BadRequest, "profile_does_not_exist");
        (await owner.Client.SendAsync(Request(HttpMethod.Get, Path, customerUserId: "kept"))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Delete_WhenNeitherHeader_ShouldAnswer400()
    {
        var app = await CreateAppAsync();

        var response = await app.Client.SendAsync(Request(HttpMethod.Delete, Path));

        await ShouldBeErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", "non_field_errors");
    }

    [Fact]
    public async Task Get_WhenNotAuthenticated_ShouldAnswer401()
    {
        using var anonymous = Api.CreateClient();

        var response = await anonymous.SendAsync(Request(HttpMethod.Get, Path, customerUserId: "x"));

        await ShouldBeErrorAsync(response, HttpStatusCode.Unauthorized, "not_authenticated");
    }

    /// <summary>One claim won and the others were told why: no 500, and one profile answers to the token.</summary>
    private async Task ShouldHaveGivenTheTokenToOneAsync(Guid appId, Guid token, HttpResponseMessage[] responses, HttpStatusCode won)
    {
        responses.Count(response => response.StatusCode == won).ShouldBe(1);
        foreach (var refused in responses.Where(response => response.StatusCode != won))
        {
            await ShouldBeErrorAsync(refused, HttpStatusCode.Conflict, "app_account_token_taken", "app_account_token");
        }

        (await CountProfilesAsync(appId, $"effective_app_account_token = '{token}'")).ShouldBe(1);
    }

    private async Task<long> CountProfilesAsync(Guid appId, string condition)
    {
        await using var connection = new NpgsqlConnection(Api.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM profiles WHERE app_id = @app AND ({condition})", connection);
        command.Parameters.AddWithValue("app", appId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
