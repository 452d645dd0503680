using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using RefundSaver.Hosting;

namespace RefundSaver.AppHost;

/// <summary>The system's resources and their wiring, shared by Program.cs and the integration tests.</summary>
public static class AppHostTopology
{
    public static void Configure(IDistributedApplicationBuilder builder)
    {
        var adminToken = StoredSecrets.AdminToken(builder.Configuration, builder.DataDirectory);
        var credentialsKey = StoredSecrets.CredentialsKey(builder.Configuration, builder.DataDirectory);

        // A young cluster creates its WAL segments as it goes, and zero-filling each 16 MB file
        // stalls every commit behind it for up to hundreds of milliseconds. This private cluster
        // skips it; the price is that a full disk shows when WAL is written, not when a file is made.
        var db = builder.AddPostgres("postgres").WithServerSetting("wal_init_zero", "off").AddDatabase("refundsaver");
        var redis = builder.AddRedis("redis");
        var api = builder.AddProject<Projects.RefundSaver_Api>("api")
            .WithReference(db).WaitFor(db).WithReference(redis).WaitFor(redis)
            .WithEnvironment("Admin__Token", adminToken)
            .WithEnvironment("AppStore__CredentialsKey", credentialsKey)
            // A 32 MB young generation a heap: GC pauses stay near 0.15 % of the time at 1,000
            // notifications/s with half the memory of the runtime's own choice (see README).
            .WithEnvironment("DOTNET_GCgen0size", "0x2000000");
        var extraRoots = ExtraTrustedRoots(builder.Configuration);
        for (var index = 0; index < extraRoots.Count; index++)
        {
            api.WithEnvironment(ExtraTrustedRootVariable(index), extraRoots[index]);
        }

        // The local stand-in for Apple, unless AppHost:AppStoreSimulator is false (then the Api calls Apple).
        if (builder.Configuration.GetValue("AppHost:AppStoreSimulator", true))
        {
            var appStore = builder.AddProject<Projects.RefundSaver_AppStoreSimulator>("appstore")
                .WithEnvironment("Simulator__ChainDirectory", Path.Combine(builder.DataDirectory, "appstore-chain"));
            api.WithReference(appStore).WaitFor(appStore)
                .WithEnvironment("AppStore__ProductionBaseUrl", _ => Task.FromResult<string?>(BaseUrl(appStore.Resource)))
                .WithEnvironment("AppStore__SandboxBaseUrl", _ => Task.FromResult<string?>(BaseUrl(appStore.Resource) + "/sandbox"))
                .WithEnvironment(ExtraTrustedRootVariable(extraRoots.Count), cancellationToken => SimulatorRootAsync(appStore.Resource, cancellationToken));
        }

        if (builder.Environment.IsDevelopment())
        {
            builder.AddStartupNote("Admin token", adminToken);
        }
    }

    /// <summary>
    /// The extra trusted roots the AppHost was given (a test chain of your own, as bench/webhook.sh
    /// does), in index order: they reach the Api, and the simulator's root comes after them rather
    /// than in the place of the first.
    /// </summary>
    public static IReadOnlyList<string> ExtraTrustedRoots(IConfiguration configuration) =>
        [.. configuration.GetSection("AppStore:Verification:ExtraTrustedRoots").GetChildren()
            .Where(root => !string.IsNullOrWhiteSpace(root.Value))
            .OrderBy(root => int.TryParse(root.Key, out var index) ? index : int.MaxValue)
            .Select(root => root.Value!)];

    private static string ExtraTrustedRootVariable(int index) => $"AppStore__Verification__ExtraTrustedRoots__{index}";

    private static string BaseUrl(IResourceWithServiceDiscovery resource) =>
        resource.Url?.ToString().TrimEnd('/') ?? throw new InvalidOperationException($"'{resource.Name}' has no URL yet.");

    /// <summary>The simulator signs notifications with its own chain; the Api trusts its root (and only in this set-up).</summary>
    private static async Task<string?> SimulatorRootAsync(IResourceWithServiceDiscovery simulator, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        return await http.GetStringAsync($"{BaseUrl(simulator)}/simulator/root.pem", cancellationToken);
    }
}
