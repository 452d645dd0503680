using Aspire.Hosting;
using RefundSaver.AppHost;

namespace RefundSaver.IntegrationTests.Infrastructure;

/// <summary>
/// A builder for an application of the tests' own resources under Aspire's orchestrator. It is the
/// AppHost's (its assembly tells where the orchestrator is), without the dashboard, on free ports.
/// </summary>
public static class TestApplications
{
    public static IDistributedApplicationBuilder CreateBuilder() =>
        DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            AssemblyName = typeof(RefundSaverAppHost).Assembly.GetName().Name,
            DisableDashboard = true,
            Args = ["--DcpPublisher:RandomizePorts=true"],
        });
}
