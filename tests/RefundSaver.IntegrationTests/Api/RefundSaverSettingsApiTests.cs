using System.Net;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Api;

/// <summary>Seed 000, through HTTP, against real PostgreSQL and Redis.</summary>
public sealed class RefundSaverSettingsApiTests(RealServersFixture servers) : IntegrationTest(servers)
{
    private const string Path = "/api/v2/server-side-api/purchase/profile/refund-saver/settings/";

    private async Task<(TestApp App, string ProfileId)> AppWithProfileAsync(string customerUserId = "customer-1")
    {
        var app = await CreateAppAsync();
        var created = await app.Client.SendAsync(Request(HttpMethod.Post, "/api/v2/server-side-api/profile/", "{}", customerUserId));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var profileId = (await ReadJsonAsync(created))["data"]!["profile_id"]!.GetValue<string>();
        return (app, profileId);
    }

    private static Task<HttpResponseMessage> PostSettings(TestApp app, string json, string? customerUserId = "customer-1", string? profileId = null) =>
        app.Client.SendAsync(Request(HttpMethod.Post, Path, json, customerUserId, profileId));

    [Fact]
    public async Task Post_WhenBothFieldsGiven_ShouldAnswerSeedBodyExactly()
    {
        var (app, profileId) = await AppWithProfileAsync();

        var response = await PostSettings(app, """{"consent": true, "custom_preference": "no_preference"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Canonical(await response.Content.ReadAsStringAsync()).ShouldBe(Canonical(
            $$$"""{"profile_id":"{{{profileId}}}","settings":{"consent":true,"custom_preference":"no_preference"}}"""));
    }

    [Fact]
    public async Task Post_WhenFieldLeftOut_ShouldKeepItsValue()
    {
        var (app, _) = await AppWithProfileAsync();
        await PostSettings(app, """{"consent": false, "custom_preference": "decline"}""");

        var response = await PostSettings(app, """{"custom_preference": "grant"}""");

        var settings = (await ReadJsonAsync(response))["settings"]!;
        settings["consent"]!.GetValue<bool>().ShouldBeFalse();
        settings["custom_preference"]!.GetValue<string>().ShouldBe("grant");
    }

    [Fact]
    public async Task Post_WhenExplicitNull_ShouldResetToFollowTheAppDefault()
    {
        var (app, _) = await AppWithProfileAsync();
        await PostSettings(app, """{"consent": true, "custom_preference": "grant"}""");

        await PostSettings(app, """{"consent": null, "custom_preference": null}""");
        var response = await app.Client.SendAsync(Request(HttpMethod.Get, Path, customerUserId: "customer-1"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var settings = (await ReadJsonAsync(response))["settings"]!.AsObject();
        settings["consent"].ShouldBeNull();
        settings.ContainsKey("consent").ShouldBeTrue();
        settings["custom_preference"].ShouldBeNull();
        settings.ContainsKey("custom_preference").ShouldBeTrue();
    }

    // The rule lives in RefundSaverSettingsStore's statement only: this table pins it, from a profile
    // that has both settings (consent true, grant) and, for the last row, one that has neither.
    [Theory]
    [InlineData("{}", "true", "grant")]
    [InlineData("""{"consent": false}""", "false", "grant")]
    [InlineData("""{"consent": null}""", "null", "grant")]
    [InlineData("""{"custom_preference": "decline"}""", "true", "decline")]
    [InlineData("""{"custom_preference": null}""", "true", "null")]
    [InlineData("""{"consent": null, "custom_preference": "no_preference"}""", "null", "no_preference")]
    [InlineData("""{"consent": false, "custom_preference": null}""", "false", "null")]
    [InlineData("""{"consent": null, "custom_preference": null}""", "null", "null")]
    [InlineData("""{"consent": true, "custom_preference": "grant"}""", "true", "grant", false)]
    public async Task Post_WhenAppliedToKnownSettings_ShouldKeepLeftOutFieldsAndResetNulls(
        string json, string consent, string customPreference, bool startWithBoth = true)
    {
        var (app, _) = await AppWithProfileAsync();
        if (startWithBoth)
        {
            (await PostSettings(app, """{"consent": true, "custom_preference": "grant"}""")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var response = await PostSettings(app, json);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stored = (await ReadJsonAsync(await app.Client.SendAsync(Request(HttpMethod.Get, Path, customerUserId: "customer-1"))))["settings"]!;
        var answered = (await ReadJsonAsync(response))["settings"]!;
        foreach (var settings in new[] { answered, stored })
        {
            (settings["consent"]?.ToJsonString() ?? "null").ShouldBe(consent);
            (settings["custom_preference"]?.GetValue<string>() ?? "null").ShouldBe(customPreference);
        }
    }

    [Fact]
    public async Task Post_WhenEmptyBody_ShouldChangeNothing()
    {
        var (app, _) = await AppWithProfileAsync();
        await PostSettings(app, """{"consent": true, "custom_preference": "decline"}""");

        var response = await app.Client.SendAsync(Request(HttpMethod.Post, Path, customerUserId: "customer-1"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var settings = (await ReadJsonAsync(response))["settings"]!;
        settings["consent"]!.GetValue<bool>().ShouldBeTrue();
        settings["custom_preference"]!.GetValue<string>().ShouldBe("decline");
    }

    [Fact]
    public async Task Post_WhenProfileIdHeaderUsed_ShouldChangeThatProfile()
    {
        var (app, profileId) = await AppWithProfileAsync();

        var response = await PostSettings(app, """{"consent": true}""", customerUserId: null, profileId: profileId);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadJsonAsync(response))["profile_id"]!.GetValue<string>().ShouldBe(profileId);
        var read = await app.Client.SendAsync(Request(HttpMethod.Get, Path, customerUserId: "customer-1"));
        (await ReadJsonAsync(read))["settings"]!["consent"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Theory]
    [InlineData("grant")]
    [InlineData("decline")]
    [InlineData("no_preference")]
    public async Task Post_WhenPreferenceIsAContractValue_ShouldStoreIt(string preference)
    {
        var (app, _) = await AppWithProfileAsync();

        await PostSettings(app, $$"""{"custom_preference": "{{preference}}"}""");
        var read = await app.Client.SendAsync(Request(HttpMethod.Get, Path, customerUserId: "customer-1"));

        (await ReadJsonAsync(read))["settings"]!["custom_preference"]!.GetValue<string>().ShouldBe(preference);
    }

    [Fact]
    public async Task Post_WhenProfileDoesNotExist_ShouldAnswerSeedErrorBodyExactly()
    {
        var app = await CreateAppAsync();

        var response = await PostSettings(app, """{"consent": true}""", customerUserId: "nobody");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Canonical(await response.Content.ReadAsStringAsync()).ShouldBe(Canonical(
            """{"errors":[{"source":"non_field_errors","errors":["Profile not found"]}],"error_code":"profile_does_not_exist","status_code":400}"""));
    }

    [Fact]
    public async Task Get_WhenProfileDoesNotExist_ShouldAnswerProfileDoesNotExist()
    {
        var app = await CreateAppAsync();

        var response = await app.Client.SendAsync(Request(HttpMethod.Get, Path, customerUserId: "nobody"));

        await ShouldBeErrorAsync(response, HttpStatusCode.BadRequest, "profile_does_not_exist", "non_field_errors");
    }

    [Fact]
    public async Task Post_WhenNoAuthorizationHeader_ShouldAnswerSeedErrorBodyExactly()
    {
        using var anonymous = Api.CreateClient();

        var response = await anonymous.SendAsync(Request(HttpMethod.Post, Path, """{"consent": true}""", "customer-1"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        Canonical(await response.Content.ReadAsStringAsync()).ShouldBe(Canonical(
            """{"errors":[{"source":"non_field_errors","errors":["Authentication credentials were not provided."]}],"error_code":"not_authenticated","status_code":401}"""));
    }

    [Theory]
    [InlineData("Api-Key secret_live_AAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB")]
    [InlineData("Api-Key not-a-key")]
    [InlineData("Bearer integration-admin-token")]
    [InlineData("Api-Key")]
    public async Task Post_WhenCredentialsAreWrong_ShouldAnswer401NotAuthenticated(string authorization)
    {
        using var client = Api.CreateClient();
        var request = Request(HttpMethod.Post, Path, """{"consent": true}""", "customer-1");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        var response = await client.SendAsync(request);

        await ShouldBeErrorAsync(response, HttpStatusCode.Unauthorized, "not_authenticated", "non_field_errors");
    }

    [Fact]
    public async Task Post_WhenKeyOfAnotherApp_ShouldNeitherSeeNorChangeTheProfile()
    {
        var (owner, profileId) = await AppWithProfileAsync("shared-id");
        await PostSettings(owner, """{"consent": true, "custom_preference": "grant"}""", "shared-id");
        var stranger = await CreateAppAsync();

        var byCustomerId = await PostSettings(stranger, """{"consent": false}""", "shared-id");
        var byProfileId = await PostSettings(stranger, """{"consent": false}""", customerUserId: null, profileId: profileId);
        var read = await stranger.Client.SendAsync(Request(HttpMethod.Get, Path, customerUserId: null, profileId: profileId));

        await ShouldBeErrorAsync(byCustomerId, HttpStatusCode.BadRequest, "profile_does_not_exist");
        await ShouldBeErrorAsync(byProfileId, HttpStatusCode.BadRequest, "profile_does_not_exist");
        await ShouldBeErrorAsync(read, HttpStatusCode.BadRequest, "profile_does_not_exist");
        var ownerView = await owner.Client.SendAsync(Request(HttpMethod.Get, Path, customerUserId: "shared-id"));
        (await ReadJsonAsync(ownerView))["settings"]!["consent"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Theory]
    [InlineData("""{"custom_preference": "maybe"}""", "custom_preference")]
    [InlineData("""{"custom_preference": "GRANT"}""", "custom_preference")]
    [InlineData("""{"custom_preference": 1}""", "custom_preference")]
    [InlineData("""{"custom_preference": true}""", "custom_preference")]
    [InlineData("""{"consent": "yes"}""", "consent")]
    [InlineData("""{"consent": 1}""", "consent")]
    [InlineData("""{"consent": {}}""", "consent")]
    public async Task Post_WhenValueIsBad_ShouldAnswer400NamingTheFieldAndChangeNothing(string json, string field)
    {
        var (app, _) = await AppWithProfileAsync();
        await PostSettings(app, """{"consent": true, "custom_preference": "decline"}""");

        var response = await PostSettings(app, json);

        await ShouldBeErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", field);
        var read = await app.Client.SendAsync(Request(HttpMethod.Get, Path, customerUserId: "customer-1"));
        var settings = (await ReadJsonAsync(read))["settings"]!;
        settings["consent"]!.GetValue<bool>().ShouldBeTrue();
        settings["custom_preference"]!.GetValue<string>().ShouldBe("decline");
    }

    [Theory]
    [InlineData("{")]
    [InlineData("""{"consent": tru}""")]
    [InlineData("[]")]
    [InlineData("\"consent\"")]
    [InlineData("null")]
    public async Task Post_WhenBodyIsNotAJsonObject_ShouldAnswer400(string json)
    {
        var (app, _) = await AppWithProfileAsync();

        var response = await PostSettings(app, json);

        await ShouldBeErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", "non_field_errors");
    }

    [Fact]
    public async Task Post_WhenBothProfileHeaders_ShouldAnswer400()
    {
        var (app, profileId) = await AppWithProfileAsync();

        var response = await PostSettings(app, """{"consent": true}""", "customer-1", profileId);

        var body = await ShouldBeErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", "non_field_errors");
        body.ToJsonString().ShouldContain("not both");
    }

    [Fact]
    public async Task Post_WhenNeitherProfileHeader_ShouldAnswer400()
    {
        var (app, _) = await AppWithProfileAsync();

        var response = await PostSettings(app, """{"consent": true}""", customerUserId: null);

        var body = await ShouldBeErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", "non_field_errors");
        body.ToJsonString().ShouldContain("adapty-customer-user-id");
    }

    [Fact]
    public async Task Post_WhenProfileIdIsNotAUuid_ShouldAnswer400NamingTheHeader()
    {
        var (app, _) = await AppWithProfileAsync();

        var response = await PostSettings(app, """{"consent": true}""", customerUserId: null, profileId: "12345");

        await ShouldBeErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", "adapty-profile-id");
    }

    [Fact]
    public async Task Post_WhenBodyIsTooLarge_ShouldAnswer413()
    {
        var (app, _) = await AppWithProfileAsync();
        var padding = new string('x', 70 * 1024);

        var response = await PostSettings(app, $$"""{"consent": true, "padding": "{{padding}}"}""");

        await ShouldBeErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "request_too_large");
    }

    [Fact]
    public async Task Post_WhenKeyWasRevoked_ShouldAnswer401()
    {
        var (app, _) = await AppWithProfileAsync();
        using var admin = Api.CreateAdminClient();
        var keys = await ReadJsonAsync(await admin.GetAsync($"/admin/api/apps/{app.Id}/api-keys"));
        var keyId = keys["data"]![0]!["id"]!.GetValue<string>();
        (await PostSettings(app, """{"consent": true}""")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await admin.DeleteAsync($"/admin/api/apps/{app.Id}/api-keys/{keyId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var response = await PostSettings(app, """{"consent": true}""");

        await ShouldBeErrorAsync(response, HttpStatusCode.Unauthorized, "not_authenticated");
    }

    [Fact]
    public async Task Post_WhenFortyConcurrentChangesToOneProfile_ShouldAnswerEachWithItsOwnChangeApplied()
    {
        var (app, _) = await AppWithProfileAsync();
        string[] preferences = ["grant", "decline", "no_preference"];

        var changes = Enumerable.Range(0, 40)
            .Select(index => (Consent: index % 2 == 0, Preference: preferences[index % 3]))
            .ToList();
        var responses = await Task.WhenAll(changes.Select(change =>
            PostSettings(app, $$"""{"consent": {{(change.Consent ? "true" : "false")}}, "custom_preference": "{{change.Preference}}"}""")));

        for (var index = 0; index < changes.Count; index++)
        {
            responses[index].StatusCode.ShouldBe(HttpStatusCode.OK);
            var settings = (await ReadJsonAsync(responses[index]))["settings"]!;
            settings["consent"]!.GetValue<bool>().ShouldBe(changes[index].Consent);
            settings["custom_preference"]!.GetValue<string>().ShouldBe(changes[index].Preference);
        }

        var final = (await ReadJsonAsync(await app.Client.SendAsync(Request(HttpMethod.Get, Path, customerUserId: "customer-1"))))["settings"]!;
        changes.ShouldContain((final["consent"]!.GetValue<bool>(), final["custom_preference"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Post_WhenConcurrentChangesEachLeaveOneFieldOut_ShouldLoseNeitherField()
    {
        var (app, _) = await AppWithProfileAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(index =>
            PostSettings(app, index % 2 == 0 ? """{"consent": true}""" : """{"custom_preference": "grant"}""")));

        responses.ShouldAllBe(response => response.StatusCode == HttpStatusCode.OK);
        var final = (await ReadJsonAsync(await app.Client.SendAsync(Request(HttpMethod.Get, Path, customerUserId: "customer-1"))))["settings"]!;
        final["consent"]!.GetValue<bool>().ShouldBeTrue();
        final["custom_preference"]!.GetValue<string>().ShouldBe("grant");
    }

    [Fact]
    public async Task Post_WhenChangesForKnownAndUnknownProfilesArriveTogether_ShouldAnswerEachOnItsOwn()
    {
        var (app, _) = await AppWithProfileAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(index =>
            PostSettings(app, """{"consent": true}""", index % 3 == 0 ? "customer-1" : $"missing-{index}")));

        for (var index = 0; index < responses.Length; index++)
        {
            if (index % 3 == 0)
            {
                responses[index].StatusCode.ShouldBe(HttpStatusCode.OK);
            }
            else
            {
                await ShouldBeErrorAsync(responses[index], HttpStatusCode.BadRequest, "profile_does_not_exist");
            }
        }
    }
}
