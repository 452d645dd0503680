using System.Net;
using RefundSaver.Hosting;

namespace RefundSaver.AppHost.Tests;

public sealed class AppHostTopologyTests
{
    [Fact]
    public async Task StartAsync_WhenRealTopologyConfigured_ShouldServeApiHealth()
    {
        var builder = TestApplications.CreateBuilder();
        builder.Configuration["Admin:Token"] = "test-admin-token";
        AppHostTopology.Configure(builder);
        await using var app = builder.Build();

        await app.StartAsync(TestApplications.DeadlineToken());

        using var client = app.CreateHttpClient("api");
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        app.Resources.ShouldAllBe(resource => resource.State == ResourceState.Running);
        (await app.GetConnectionStringAsync("refundsaver")).ShouldNotBeNull().ShouldContain("Database=refundsaver");
    }

    [Fact]
    public void Configure_WhenNoAdminTokenConfigured_ShouldGenerateOneAndKeepItInTheDataDirectory()
    {
        using var data = new TemporaryDirectory();

        var first = StoredSecrets.AdminToken(TestApplications.CreateBuilder(data.Path).Configuration, data.Path);
        var second = StoredSecrets.AdminToken(TestApplications.CreateBuilder(data.Path).Configuration, data.Path);

        first.Length.ShouldBe(43); // 32 bytes in base64url without padding
        second.ShouldBe(first);
    }
}
