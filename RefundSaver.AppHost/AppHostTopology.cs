using Microsoft.Extensions.Hosting;
using RefundSaver.Hosting;

namespace RefundSaver.AppHost;

/// <summary>The system's resources and their wiring, shared by Program.cs and the integration tests.</summary>
public static class AppHostTopology
{
    public static void Configure(IDistributedApplicationBuilder builder)
    {
        var adminToken = AdminToken.GetOrCreate(builder.Configuration, builder.DataDirectory);

        // A young cluster creates its WAL segments as it goes, and zero-filling each 16 MB file
        // stalls every commit behind it for up to hundreds of milliseconds. This private cluster
        // skips it; the price is that a full disk shows when WAL is written, not when a file is made.
        var db = builder.AddPostgres("postgres").WithServerSetting("wal_init_zero", "off").AddDatabase("refundsaver");
        var redis = builder.AddRedis("redis");
        builder.AddProject<Projects.RefundSaver_Api>("api")
            .WithReference(db).WaitFor(db).WithReference(redis).WaitFor(redis)
            .WithEnvironment("Admin__Token", adminToken);

        if (builder.Environment.IsDevelopment())
        {
            builder.AddStartupNote("Admin token", adminToken);
        }
    }
}
