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
        await using var api = Api(Environments.Production, new string('a', 42), servers.UnusedDatabaseConnectionString());

        var refusal = await Should.ThrowAsync<OptionsValidationException>(api.StartAsync);

        refusal.Message.ShouldContain("Admin:Token");
        refusal.Message.ShouldContain("openssl rand -base64 32");
    }

    [Theory]
    [InlineData("Production", 43)]
    [InlineData("Development", 5)]
    public async Task Start_WhenTheAdminTokenIsStrongEnoughForTheEnvironment_ShouldServeTheAdminApi(string environment, int length)
    {
        await using var api = Api(environment, new string('a', length), await servers.CreateDatabaseAsync());
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

    private ApiFactory Api(string environment, string adminToken, string database) =>
        new(database, servers.RedisConnectionString, adminToken, new Dictionary<string, string?> { [WebHostDefaults.EnvironmentKey] = environment });
}
