using Microsoft.Extensions.Hosting;
using RefundSaver.Hosting;

namespace RefundSaver.AppHost;

/// <summary>The system's resources and their wiring, shared by Program.cs and the integration tests.</summary>
public static class AppHostTopology
{
    public static void Configure(IDistributedApplicationBuilder builder)
    {
        var adminToken = AdminToken.GetOrCreate(builder.Configuration, builder.DataDirectory);

        var db = builder.AddPostgres("postgres").AddDatabase("refundsaver");
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
