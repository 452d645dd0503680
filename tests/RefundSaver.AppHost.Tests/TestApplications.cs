using RefundSaver.Hosting;

namespace RefundSaver.AppHost.Tests;

/// <summary>Builders for tests: private temp data, no dashboard, and a deadline so a hang fails instead of blocking CI.</summary>
internal static class TestApplications
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    public static IDistributedApplicationBuilder CreateBuilder(string? dataDirectory = null, int? dashboardPort = null) =>
        DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            DataDirectory = dataDirectory,
            DashboardPort = dashboardPort,
            EnvironmentName = "Development",
        });

    /// <summary>Postgres with durability off: these tests never need their data to survive a power cut.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddFastPostgresDatabase(this IDistributedApplicationBuilder builder) =>
        builder.AddPostgres("postgres")
            .WithServerSetting("fsync", "off")
            .WithServerSetting("synchronous_commit", "off")
            .WithServerSetting("full_page_writes", "off")
            .AddDatabase("refundsaver");

    public static CancellationToken DeadlineToken() => new CancellationTokenSource(Deadline).Token;
}
