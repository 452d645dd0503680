using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RefundSaver.AppHost.Servers;

namespace RefundSaver.AppHost;

/// <summary>The whole system's resources and their wiring.</summary>
public static class RefundSaverAppHost
{
    public const string DatabaseName = "refundsaver";
    public const string DatabaseOwnerName = "refundsaver-owner";
    public const string DatabaseApiRole = "refundsaver_api";
    public const string RedisName = "redis";

    private const string ExtraTrustedRootsSection = "AppStore:Verification:ExtraTrustedRoots";
    private const string AllowExtraRootsInProductionSetting = "AppStore:Verification:AllowExtraRootsInProduction";

    public static void AddRefundSaver(this IDistributedApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var dataDirectory = Directory.CreateDirectory(
            configuration["AppHost:DataDirectory"] is { Length: > 0 } configured ? configured : Path.Combine(builder.AppHostDirectory, ".data")).FullName;
        var servers = ServersOf(configuration);
        var adminToken = StoredSecrets.AdminToken(configuration, dataDirectory);

        var database = AddDatabase(builder, servers, dataDirectory);
        var redis = AddRedis(builder, servers, dataDirectory);
        var api = builder.AddProject<Projects.RefundSaver_Api>("api")
            .WaitFor(database)
            .WithReference(redis).WaitFor(redis)
            .WithEnvironment("Admin__Token", adminToken)
            .WithEnvironment("AppStore__CredentialsKey", StoredSecrets.CredentialsKey(configuration, dataDirectory))
            // A 32 MB young generation a heap: GC pauses stay near 0.15 % of the time at 1,000
            // notifications/s with half the memory of the runtime's own choice (docs/benchmarks.md).
            .WithEnvironment("DOTNET_GCgen0size", "0x2000000")
            .WithHttpHealthCheck("/health");
        WithDatabase(builder, api, database, dataDirectory);
        var extraRoots = ExtraTrustedRoots(configuration);
        for (var index = 0; index < extraRoots.Count; index++)
        {
            api.WithEnvironment(ExtraTrustedRootVariable(index), extraRoots[index]);
        }

        // Only when given (bench/dispatch.sh plays Production through the simulator): the API's default is off.
        if (configuration[AllowExtraRootsInProductionSetting] is { Length: > 0 } allowExtraRootsInProduction)
        {
            api.WithEnvironment("AppStore__Verification__AllowExtraRootsInProduction", allowExtraRootsInProduction);
        }

        if (configuration.GetValue("AppHost:AppStoreSimulator", builder.Environment.IsDevelopment()))
        {
            AddAppStoreSimulator(builder, api, dataDirectory, extraRoots.Count);
        }

        ConfigureService(builder, api);
        builder.Services.AddHostedService<ResourceStateLog>();
        AnnounceAdminToken(builder, Path.Combine(dataDirectory, StoredSecrets.AdminTokenFile));
    }

    /// <summary>
    /// The extra trusted roots the AppHost was given (a test chain of your own, as bench/webhook.sh
    /// does), in index order; the simulator's root comes after them.
    /// </summary>
    public static IReadOnlyList<string> ExtraTrustedRoots(IConfiguration configuration) =>
        [.. configuration.GetSection(ExtraTrustedRootsSection).GetChildren()
            .Where(root => !string.IsNullOrWhiteSpace(root.Value))
            .OrderBy(root => int.TryParse(root.Key, out var index) ? index : int.MaxValue)
            .Select(root => root.Value!)];

    private static ServerMode ServersOf(IConfiguration configuration) =>
        configuration["AppHost:Servers"] is not { Length: > 0 } value ? ServerMode.Local
        : Enum.TryParse<ServerMode>(value, ignoreCase: true, out var mode) && Enum.IsDefined(mode) ? mode
        : throw new DistributedApplicationException(
            $"AppHost:Servers is '{value}': it must be 'local' (PostgreSQL and Redis from this machine's binaries) or 'containers' (Aspire's containers).");

    /// <summary>A connection string in configuration wins (a managed database); else a server of the chosen mode.</summary>
    private static IResourceBuilder<IResourceWithConnectionString> AddDatabase(
        IDistributedApplicationBuilder builder, ServerMode servers, string dataDirectory)
    {
        if (builder.Configuration.GetConnectionString(DatabaseName) is { Length: > 0 })
        {
            return builder.AddConnectionString(DatabaseName);
        }

        if (servers == ServerMode.Containers)
        {
            return builder.AddPostgres("postgres").WithDataVolume().AddDatabase(DatabaseName);
        }

        // A young cluster creates its WAL segments as it goes, and zero-filling each 16 MB file
        // stalls every commit behind it for up to hundreds of milliseconds. This private cluster
        // skips it; the price is that a full disk shows when WAL is written, not when a file is made.
        return builder.AddLocalPostgres("postgres", dataDirectory).WithServerSetting("wal_init_zero", "off").AddDatabase(DatabaseName);
    }

    /// <summary>
    /// On a server of its own the API runs as a role that may only read and write rows; the owner's
    /// connection (<c>refundsaver-owner</c>) is for its migrations at start, which also make that role.
    /// A connection string from configuration is passed on as given: the operator's roles.
    /// </summary>
    private static void WithDatabase(
        IDistributedApplicationBuilder builder,
        IResourceBuilder<ProjectResource> api,
        IResourceBuilder<IResourceWithConnectionString> database,
        string dataDirectory)
    {
        var server = database.Resource switch
        {
            LocalPostgresDatabaseResource local => ReferenceExpression.Create(
                $"Host={local.Parent.PrimaryEndpoint.Property(EndpointProperty.IPV4Host)};Port={local.Parent.PrimaryEndpoint.Property(EndpointProperty.Port)}"),
            PostgresDatabaseResource container => ReferenceExpression.Create(
                $"Host={container.Parent.PrimaryEndpoint.Property(EndpointProperty.Host)};Port={container.Parent.PrimaryEndpoint.Property(EndpointProperty.Port)}"),
            _ => null,
        };
        if (server is null)
        {
            api.WithReference(database);
            return;
        }

        var password = builder.AddParameter("refundsaver-api-password", StoredSecrets.DatabaseApiPassword(dataDirectory), secret: true);
        api.WithReference(database, DatabaseOwnerName)
            .WithEnvironment(
                $"ConnectionStrings__{DatabaseName}",
                ReferenceExpression.Create($"{server};Username={DatabaseApiRole};Password={password.Resource};Database={DatabaseName}"));
    }

    private static IResourceBuilder<IResourceWithConnectionString> AddRedis(
        IDistributedApplicationBuilder builder, ServerMode servers, string dataDirectory)
    {
        if (builder.Configuration.GetConnectionString(RedisName) is { Length: > 0 })
        {
            return builder.AddConnectionString(RedisName);
        }

        return servers == ServerMode.Containers
            ? builder.AddRedis(RedisName).WithDataVolume()
            : builder.AddLocalRedis(RedisName, dataDirectory);
    }

    /// <summary>
    /// The local stand-in for Apple: the Api calls it instead of Apple and trusts the root it signs
    /// notifications with. Its control API has no authentication, so it listens on loopback only.
    /// </summary>
    private static void AddAppStoreSimulator(
        IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> api, string dataDirectory, int rootIndex)
    {
        var chainDirectory = Path.Combine(dataDirectory, "appstore-chain");
        var appStore = builder.AddProject<Projects.RefundSaver_AppStoreSimulator>("appstore")
            .WithEnvironment("Simulator__ChainDirectory", chainDirectory)
            .WithHttpHealthCheck("/health");
        var baseUrl = appStore.GetEndpoint("http");
        api.WithReference(appStore).WaitFor(appStore)
            .WithEnvironment("AppStore__ProductionBaseUrl", baseUrl)
            .WithEnvironment("AppStore__SandboxBaseUrl", ReferenceExpression.Create($"{baseUrl}/sandbox"))
            // The simulator has written its chain by the time it is healthy, which the Api waits for.
            .WithEnvironment(context => context.EnvironmentVariables[ExtraTrustedRootVariable(rootIndex)] =
                File.ReadAllText(Path.Combine(chainDirectory, "root.pem")));
        ConfigureService(builder, appStore);
    }

    /// <summary>
    /// The projects run in the AppHost's environment (their launch profiles say Development, which
    /// a Production AppHost must not pass on) and serve plain HTTP on loopback, directly on the ports
    /// of their launch profiles (no orchestrator proxy in the request path), so that README's
    /// addresses stay valid from run to run; with <c>AppHost:FixedPorts=false</c> (the tests) the
    /// orchestrator picks free ports instead.
    /// </summary>
    private static void ConfigureService(IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> project)
    {
        var fixedPorts = builder.Configuration.GetValue("AppHost:FixedPorts", true);
        project.WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithEnvironment("DOTNET_ENVIRONMENT", builder.Environment.EnvironmentName);
#pragma warning disable ASPIRECERTIFICATES001 // Evaluation API; without it the AppHost warns that no development certificate is trusted.
        project.WithoutHttpsCertificate();
#pragma warning restore ASPIRECERTIFICATES001
        project.WithEndpoint("http", endpoint =>
        {
            endpoint.IsProxied = false;
            endpoint.Port = fixedPorts ? endpoint.Port : null;
            endpoint.TargetPort = endpoint.Port;
        });
    }

    /// <summary>
    /// Where the admin token is kept, never the token itself: logs are copied, shipped and kept
    /// longer than secrets should be, Development's included.
    /// </summary>
    private static void AnnounceAdminToken(IDistributedApplicationBuilder builder, string tokenFile)
    {
        var source = builder.Configuration["Admin:Token"] is { Length: > 0 } ? "configuration Admin:Token" : tokenFile;
        builder.Eventing.Subscribe<AfterResourcesCreatedEvent>((@event, _) =>
        {
            @event.Services.GetRequiredService<ILoggerFactory>().CreateLogger("RefundSaver.AppHost")
                .LogInformation("Admin token: kept in {Source}", source);
            return Task.CompletedTask;
        });
    }

    private static string ExtraTrustedRootVariable(int index) => $"AppStore__Verification__ExtraTrustedRoots__{index}";
}
