using RefundSaver.Hosting;

namespace RefundSaver.AppHost.Tests;

public sealed class WiringTests
{
    [Fact]
    public async Task StartAsync_WhenChildReferencesDatabaseAndRedis_ShouldReceiveConnectionStringsAndEnvironment()
    {
        var builder = TestApplications.CreateBuilder();
        var db = builder.AddFastPostgresDatabase();
        var redis = builder.AddRedis("redis");
        var (probe, child) = EnvironmentProbe.Add(builder, "child");
        child.WithReference(db).WaitFor(db).WithReference(redis).WaitFor(redis).WithEnvironment("Admin__Token", "wired-token");
        await using var app = builder.Build();

        await app.StartAsync(TestApplications.DeadlineToken());

        var environment = await probe.ReadAsync();
        environment["ConnectionStrings__refundsaver"].ShouldBe(await app.GetConnectionStringAsync("refundsaver"));
        environment["ConnectionStrings__refundsaver"].ShouldContain("Database=refundsaver");
        environment["ConnectionStrings__redis"].ShouldBe(await app.GetConnectionStringAsync("redis"));
        environment["Admin__Token"].ShouldBe("wired-token");
        environment.ContainsKey("ConnectionStrings__postgres").ShouldBeFalse();
    }

    [Fact]
    public async Task StartAsync_WhenConnectionStringsConfigured_ShouldStartNoServerAndPassThemThrough()
    {
        const string externalDatabase = "Host=db.example.invalid;Port=5432;Username=app;Password=secret;Database=refundsaver";
        const string externalRedis = "cache.example.invalid:6379";
        var builder = TestApplications.CreateBuilder();
        builder.Configuration["ConnectionStrings:refundsaver"] = externalDatabase;
        builder.Configuration["ConnectionStrings:redis"] = externalRedis;
        var db = builder.AddFastPostgresDatabase();
        var redis = builder.AddRedis("redis");
        var (probe, child) = EnvironmentProbe.Add(builder, "child");
        child.WithReference(db).WaitFor(db).WithReference(redis).WaitFor(redis);
        await using var app = builder.Build();

        await app.StartAsync(TestApplications.DeadlineToken());

        foreach (var name in new[] { "postgres", "refundsaver", "redis" })
        {
            var resource = app.GetResource(name);
            resource.IsExternal.ShouldBeTrue(name);
            resource.ProcessId.ShouldBeNull(name);
            resource.State.ShouldBe(ResourceState.Running, name);
        }

        Directory.Exists(Path.Combine(app.DataDirectory, "postgres")).ShouldBeFalse("no server was initialised");
        var environment = await probe.ReadAsync();
        environment["ConnectionStrings__refundsaver"].ShouldBe(externalDatabase);
        environment["ConnectionStrings__redis"].ShouldBe(externalRedis);
    }
}
