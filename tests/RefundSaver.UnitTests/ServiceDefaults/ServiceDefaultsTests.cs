using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace RefundSaver.UnitTests.ServiceDefaults;

public sealed class ServiceDefaultsTests
{
    [Fact]
    public void AddServiceDefaults_WhenOtlpEndpointConfigured_ShouldRegisterTracerAndMeterProviders()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4317";

        builder.AddServiceDefaults();
        using var host = builder.Build();

        host.Services.GetService<TracerProvider>().ShouldNotBeNull();
        host.Services.GetService<MeterProvider>().ShouldNotBeNull();
    }

    [Fact]
    public void AddServiceDefaults_WhenNoOtlpEndpoint_ShouldExportNothing()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());

        builder.AddServiceDefaults();
        using var host = builder.Build();

        host.Services.GetService<TracerProvider>().ShouldBeNull();
        host.Services.GetService<MeterProvider>().ShouldBeNull();
    }
}
