using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace RefundSaver.UnitTests.ServiceDefaults;

public sealed class ServiceDefaultsTests
{
    // Where the OTLP exporter sends over HTTP when no endpoint is configured.
    private const int OtlpDefaultHttpPort = 4318;

    [Fact]
    public async Task AddServiceDefaults_WhenAnOtlpEndpointIsSet_ShouldExportTheServicesOwnTracesThere()
    {
        await using var receiver = await OtlpReceiver.StartAsync();

        await RecordAnActivityAsync(receiver.Url);

        receiver.Paths.ShouldContain("/v1/traces");
    }

    [Fact]
    public async Task AddServiceDefaults_WhenNoOtlpEndpointIsSet_ShouldExportNothingEvenToTheDefaultEndpoint()
    {
        await using var receiver = await OtlpReceiver.StartAsync(OtlpDefaultHttpPort);

        await RecordAnActivityAsync(otlpEndpoint: null);

        receiver.Paths.ShouldBeEmpty();
    }

    /// <summary>A host with the service defaults records one activity of RefundSaver's own and flushes its traces.</summary>
    private static async Task RecordAnActivityAsync(string? otlpEndpoint)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint;
        builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        builder.AddServiceDefaults();
        using var host = builder.Build();
        await host.StartAsync();

        using (var source = new ActivitySource("RefundSaver.Tests"))
        using (source.StartActivity("probe"))
        {
        }

        host.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000).ShouldBeTrue();
        await host.StopAsync();
    }
}
