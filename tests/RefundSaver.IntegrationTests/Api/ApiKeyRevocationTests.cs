using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RefundSaver.Application.ApiKeys;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Api;

/// <summary>
/// A key revoked through one API process stops working in another on the same database within
/// <see cref="ApiKeyCache.Lifetime"/>: the other process's cache runs on a fake clock, so both sides of
/// the delay are pinned without waiting for it.
/// </summary>
public sealed class ApiKeyRevocationTests(RealServersFixture servers) : IntegrationTest(servers)
{
    private const string ProfilePath = "/api/v2/server-side-api/profile/";

    [Fact]
    public async Task RevokeApiKey_WhenRevokedInAnotherProcess_ShouldWorkThereUntilTheCacheLifetimeEndsAndNotAfter()
    {
        var app = await CreateAppAsync();
        using var admin = Api.CreateAdminClient();
        var key = await ReadJsonAsync(await admin.PostAsJsonAsync($"/admin/api/apps/{app.Id}/api-keys", new { name = "revoked elsewhere" }));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        // Only the second process's key cache reads the fake clock; the rest of it keeps real time.
        await using var other = new ApiFactory(
            Api.DatabaseConnectionString,
            Servers.RedisConnectionString,
            RealServersFixture.AdminToken,
            null,
            services => services.AddSingleton(new ApiKeyCache(clock)));
        await other.StartAsync();
        using var client = other.CreateAppClient(key["api_key"]!.GetValue<string>());
        (await client.SendAsync(Request(HttpMethod.Post, ProfilePath, "{}", "cached"))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var revoked = await admin.DeleteAsync($"/admin/api/apps/{app.Id}/api-keys/{key["id"]!.GetValue<string>()}");
        revoked.StatusCode.ShouldBe(HttpStatusCode.OK);

        clock.Advance(ApiKeyCache.Lifetime - TimeSpan.FromMilliseconds(1));
        (await client.SendAsync(Request(HttpMethod.Get, ProfilePath, customerUserId: "cached"))).StatusCode
            .ShouldBe(HttpStatusCode.OK, "the other process trusts its cached key until the lifetime ends");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await ShouldBeErrorAsync(
            await client.SendAsync(Request(HttpMethod.Get, ProfilePath, customerUserId: "cached")),
            HttpStatusCode.Unauthorized,
            "not_authenticated");
    }
}
