using System.Net;
using System.Net.Http.Json;
using Npgsql;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Persistence;

/// <summary>
/// Given the owner's connection (<c>ConnectionStrings:refundsaver-owner</c>), the API migrates as the
/// owner and works as a role of its own that may read and write rows and do nothing else.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class ApiRoleTests(RealServersFixture servers)
{
    private const string InsufficientPrivilege = "42501";

    [Fact]
    public async Task Start_WhenGivenTheOwnersConnection_ShouldServeAsARoleThatCannotChangeTheSchema()
    {
        var (owner, api) = await NewDatabaseAsync();

        await using (var factory = Start(owner, api))
        {
            await CreateAppAndProfileAsync(factory);
        }

        await using var asApi = new NpgsqlConnection(api);
        await asApi.OpenAsync();
        (await FailureOfAsync(asApi, "CREATE TABLE intruder (id int)")).ShouldBe(InsufficientPrivilege);
        (await FailureOfAsync(asApi, "ALTER TABLE profiles ADD COLUMN intruder int")).ShouldBe(InsufficientPrivilege);
        (await FailureOfAsync(asApi, "DROP TABLE profiles")).ShouldBe(InsufficientPrivilege);
        (await FailureOfAsync(asApi, "DELETE FROM \"__EFMigrationsHistory\"")).ShouldBe(InsufficientPrivilege);
        (await FailureOfAsync(asApi, "SELECT count(*) FROM \"__EFMigrationsHistory\"")).ShouldBeNull("reading the history is allowed");
        (await FailureOfAsync(asApi, "DELETE FROM profiles")).ShouldBeNull("writing rows is the role's work");
    }

    [Fact]
    public async Task Start_WhenTheRoleExistsFromAnEarlierStart_ShouldStartAgainAndServe()
    {
        var (owner, api) = await NewDatabaseAsync();
        await using (var first = Start(owner, api))
        {
            await CreateAppAndProfileAsync(first);
        }

        await using var second = Start(owner, api);

        await CreateAppAndProfileAsync(second);
    }

    [Fact]
    public async Task Start_WhenGivenAnotherPasswordForTheRole_ShouldSetItSoTheOldOneNoLongerLogsIn()
    {
        var (owner, api) = await NewDatabaseAsync();
        var wrongPassword = new NpgsqlConnectionStringBuilder(api) { Password = "not-the-password" }.ConnectionString;
        await using (var first = Start(owner, api))
        {
            await first.StartAsync();
        }

        // The owner may manage roles here, so a start sets the role's password to the one it is given.
        await using var second = Start(owner, wrongPassword);
        await CreateAppAndProfileAsync(second);
        await using var withOldPassword = new NpgsqlConnection(api);
        (await Should.ThrowAsync<PostgresException>(() => withOldPassword.OpenAsync())).SqlState.ShouldBe("28P01");
    }

    private async Task<(string Owner, string Api)> NewDatabaseAsync()
    {
        var owner = await servers.CreateDatabaseAsync();
        var role = "rs_api_" + Guid.NewGuid().ToString("N")[..12];
        var api = new NpgsqlConnectionStringBuilder(owner) { Username = role, Password = Guid.NewGuid().ToString("N") }.ConnectionString;
        return (owner, api);
    }

    private ApiFactory Start(string owner, string api) => new(
        api,
        servers.RedisConnectionString,
        RealServersFixture.AdminToken,
        new Dictionary<string, string?> { ["ConnectionStrings:refundsaver-owner"] = owner, ["Dispatcher:Enabled"] = "false" });

    private static async Task CreateAppAndProfileAsync(ApiFactory factory)
    {
        using var admin = factory.CreateAdminClient();
        var created = await admin.PostAsJsonAsync(
            "/admin/api/apps", new { name = "Role test", bundle_id = "com.example.role" + Guid.NewGuid().ToString("N") });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var apiKey = (await created.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["api_key"].ToString()!;
        using var app = factory.CreateAppClient(apiKey);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2/server-side-api/profile/")
        {
            Content = JsonContent.Create(new { email = "role@example.com" }),
        };
        request.Headers.Add("adapty-customer-user-id", "role-" + Guid.NewGuid().ToString("N"));
        var profile = await app.SendAsync(request);
        profile.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    private static async Task<string?> FailureOfAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        try
        {
            await command.ExecuteNonQueryAsync();
            return null;
        }
        catch (PostgresException exception)
        {
            return exception.SqlState;
        }
    }
}
