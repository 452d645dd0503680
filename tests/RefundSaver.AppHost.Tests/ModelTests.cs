using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RefundSaver.AppHost.Servers;
using RefundSaver.AppHost.Tests.Infrastructure;

namespace RefundSaver.AppHost.Tests;

/// <summary>What the AppHost declares for each configuration, read from its model without starting it.</summary>
public sealed class ModelTests : IDisposable
{
    private readonly TemporaryDirectory _data = new();

    [Fact]
    public async Task Model_WhenRunInDevelopment_ShouldRunLocalServersTheSimulatorAndTheApi()
    {
        var resources = await ResourcesAsync("Development");

        resources["postgres"].ShouldBeOfType<LocalPostgresServerResource>();
        resources["postgres-init"].ShouldBeOfType<ExecutableResource>();
        resources["refundsaver"].ShouldBeOfType<LocalPostgresDatabaseResource>();
        resources["redis"].ShouldBeOfType<LocalRedisResource>();
        resources["appstore"].ShouldBeOfType<ProjectResource>();
        resources["api"].ShouldBeOfType<ProjectResource>();
    }

    [Theory]
    [InlineData("Production", null, false)]
    [InlineData("Production", "true", true)]
    [InlineData("Development", "false", false)]
    [InlineData("Development", null, true)]
    public async Task Model_WhenTheEnvironmentAndSettingSay_ShouldRunTheSimulatorOnlyInDevelopmentOrWhenAskedFor(
        string environment, string? simulator, bool expected)
    {
        var resources = await ResourcesAsync(environment, simulator is null ? [] : [$"AppHost:AppStoreSimulator={simulator}"]);

        resources.ContainsKey("appstore").ShouldBe(expected);
    }

    [Fact]
    public async Task Model_WhenServersAreContainers_ShouldUseAspiresContainerResourcesWithDataVolumes()
    {
        var resources = await ResourcesAsync("Development", ["AppHost:Servers=containers"]);

        var postgres = resources["postgres"].ShouldBeOfType<PostgresServerResource>();
        resources["refundsaver"].ShouldBeOfType<PostgresDatabaseResource>();
        var redis = resources["redis"].ShouldBeOfType<RedisResource>();
        postgres.Annotations.OfType<ContainerMountAnnotation>().ShouldContain(mount => mount.Type == ContainerMountType.Volume);
        redis.Annotations.OfType<ContainerMountAnnotation>().ShouldContain(mount => mount.Type == ContainerMountType.Volume);
        resources.Values.OfType<LocalPostgresServerResource>().ShouldBeEmpty();
        resources.Values.OfType<LocalRedisResource>().ShouldBeEmpty();
    }

    [Fact]
    public async Task Model_WhenConnectionStringsAreGiven_ShouldStartNoServerAndPassThemOn()
    {
        const string database = "Host=db.example.invalid;Port=5432;Username=app;Password=secret;Database=refundsaver";
        const string redis = "cache.example.invalid:6379";

        var resources = await ResourcesAsync("Development", [$"ConnectionStrings:refundsaver={database}", $"ConnectionStrings:redis={redis}"]);

        (await ((IResourceWithConnectionString)resources["refundsaver"]).GetConnectionStringAsync()).ShouldBe(database);
        (await ((IResourceWithConnectionString)resources["redis"]).GetConnectionStringAsync()).ShouldBe(redis);
        resources.Keys.ShouldNotContain("postgres");
        resources.Keys.ShouldNotContain("postgres-init");
        resources.Values.OfType<LocalRedisResource>().ShouldBeEmpty();
        Directory.Exists(Path.Combine(_data.Path, "postgres")).ShouldBeFalse("no server was prepared");
    }

    [Fact]
    public async Task Create_WhenServersIsNeitherLocalNorContainers_ShouldFailNamingTheSetting()
    {
        var failure = await Should.ThrowAsync<Exception>(() => ResourcesAsync("Development", ["AppHost:Servers=kubernetes"]));

        failure.ToString().ShouldContain("AppHost:Servers");
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Start_WhenResourcesAreCreated_ShouldSayWhereTheAdminTokenIsAndNeverShowIt(string environment)
    {
        var logs = new CapturingLoggerProvider();
        var builder = await CreateBuilderAsync(environment, []);
        await using var services = new ServiceCollection().AddLogging(logging => logging.AddProvider(logs)).BuildServiceProvider();
        var token = File.ReadAllText(Path.Combine(_data.Path, StoredSecrets.AdminTokenFile));

        await builder.Eventing.PublishAsync(new AfterResourcesCreatedEvent(services, new DistributedApplicationModel(builder.Resources)));

        logs.Messages.ShouldContain(message => message.Contains(Path.Combine(_data.Path, StoredSecrets.AdminTokenFile)));
        logs.Messages.ShouldNotContain(message => message.Contains(token));
    }

    public void Dispose() => _data.Dispose();

    private async Task<IReadOnlyDictionary<string, IResource>> ResourcesAsync(string environment, string[]? settings = null)
    {
        var builder = await CreateBuilderAsync(environment, settings ?? []);
        return builder.Resources.ToDictionary(resource => resource.Name);
    }

    private Task<IDistributedApplicationTestingBuilder> CreateBuilderAsync(string environment, string[] settings) =>
        DistributedApplicationTestingBuilder.CreateAsync<Projects.RefundSaver_AppHost>(
            [$"AppHost:DataDirectory={_data.Path}", .. settings],
            (_, host) => host.EnvironmentName = environment);
}
