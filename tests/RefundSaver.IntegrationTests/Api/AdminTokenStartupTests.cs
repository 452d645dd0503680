using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Api;

/// <summary>In Production the API starts only with a strong admin token, or none (the admin API disabled); elsewhere any token will do.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class AdminTokenStartupTests(RealServersFixture servers)
{
    [Fact]
    public async Task Start_WhenProductionAndTheAdminTokenHas42Characters_ShouldRefuseNamingTheSettingAndHowToMakeOne()
    {
        await using var api = Api(Environments.Production, Token(42, 40), servers.UnusedDatabaseConnectionString());

        var refusal = await Should.ThrowAsync<OptionsValidationException>(api.StartAsync);

        refusal.Message.ShouldContain("Admin:Token");
        refusal.Message.ShouldContain("openssl rand -base64 32");
    }

    [Fact]
    public async Task Start_WhenProductionAndTheAdminToken43CharactersRepeatAPattern_ShouldRefuse()
    {
        // 11 different characters, one fewer than required.
        await using var api = Api(Environments.Production, Token(43, 11), servers.UnusedDatabaseConnectionString());

        var refusal = await Should.ThrowAsync<OptionsValidationException>(api.StartAsync);

        refusal.Message.ShouldContain("Admin:Token");
    }

    [Fact]
    public async Task Start_WhenProductionAndTheAdminTokenIsLongerThanTheMaximum_ShouldRefuse()
    {
        await using var api = Api(Environments.Production, Token(1025, 40), servers.UnusedDatabaseConnectionString());

        await Should.ThrowAsync<OptionsValidationException>(api.StartAsync);
    }

    [Theory]
    [InlineData("192.168.0.0/33")]
    [InlineData("not-a-network")]
    public async Task Start_WhenAnAllowedAdminNetworkIsNoCidrBlock_ShouldRefuseNamingTheSetting(string network)
    {
        await using var api = new ApiFactory(
            servers.UnusedDatabaseConnectionString(), servers.RedisConnectionString, RealServersFixture.AdminToken,
            new Dictionary<string, string?> { ["Admin:AllowedNetworks:0"] = network });

        var refusal = await Should.ThrowAsync<OptionsValidationException>(api.StartAsync);

        refusal.Message.ShouldContain("Admin:AllowedNetworks");
    }

    [Theory]
    [InlineData("Production", 43, 12)]
    [InlineData("Production", 1024, 12)]
    [InlineData("Development", 5, 1)]
    public async Task Start_WhenTheAdminTokenIsStrongEnoughForTheEnvironment_ShouldServeTheAdminApi(string environment, int length, int distinct)
    {
        await using var api = Api(environment, Token(length, distinct), await servers.CreateDatabaseAsync());
        await api.StartAsync();
        using var admin = api.CreateAdminClient();

        var response = await admin.GetAsync("/admin/api/apps");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Start_WhenProductionAndNoAdminToken_ShouldStartWithTheAdminApiDisabled()
    {
        await using var api = Api(Environments.Production, "", await servers.CreateDatabaseAsync());
        await api.StartAsync();
        using var client = api.CreateClient();

        var admin = await client.GetAsync("/admin/api/apps");
        var health = await client.GetAsync("/health");

        admin.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await admin.Content.ReadAsStringAsync()).ShouldContain("The admin API is disabled");
        health.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>A token of this length cycling through this many different characters.</summary>
    private static string Token(int length, int distinct) =>
        string.Concat(Enumerable.Range(0, length).Select(index => Alphabet[index % distinct]));

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private ApiFactory Api(string environment, string adminToken, string database) =>
        new(database, servers.RedisConnectionString, adminToken, new Dictionary<string, string?> { [WebHostDefaults.EnvironmentKey] = environment });
}
