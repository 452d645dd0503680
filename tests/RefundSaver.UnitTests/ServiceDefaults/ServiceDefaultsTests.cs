using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
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

    [Fact]
    public async Task AddServiceDefaults_WhenNotInDevelopment_ShouldKeepOneNewTraceASecond()
    {
        var recorded = await RecordRootActivitiesAsync(Environments.Production, 2);

        recorded.ShouldBe([true, false]);
    }

    [Fact]
    public async Task AddServiceDefaults_WhenTracesPerSecondIsSet_ShouldKeepThatMany()
    {
        var recorded = await RecordRootActivitiesAsync(Environments.Production, 3, ("Telemetry:TracesPerSecond", "2"));

        recorded.ShouldBe([true, true, false]);
    }

    [Fact]
    public async Task AddServiceDefaults_WhenInDevelopment_ShouldKeepEveryTrace()
    {
        var recorded = await RecordRootActivitiesAsync(Environments.Development, 50);

        recorded.ShouldAllBe(kept => kept);
    }

    [Fact]
    public async Task AddServiceDefaults_WhenOtelTracesSamplerIsSet_ShouldLeaveTheChoiceToIt()
    {
        var recorded = await RecordRootActivitiesAsync(Environments.Production, 50, ("OTEL_TRACES_SAMPLER", "always_on"));

        recorded.ShouldAllBe(kept => kept);
    }

    [Fact]
    public async Task AddServiceDefaults_WhenCallersSaySampled_ShouldStillKeepOnlyTheLimit()
    {
        var caller = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);

        var recorded = await RecordRootActivitiesAsync(Environments.Production, 2, parent: caller);

        recorded.ShouldBe([true, false]);
    }

    [Fact]
    public async Task AddServiceDefaults_WhenACallerSaysNotSampled_ShouldNotRecordEvenUnderTheLimit()
    {
        var caller = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None, isRemote: true);

        var recorded = await RecordRootActivitiesAsync(Environments.Production, 1, parent: caller);

        recorded.ShouldBe([false]);
    }

    [Fact]
    public async Task AddServiceDefaults_WhenTracesPerSecondIsZero_ShouldRefuseToStart()
    {
        var error = await Should.ThrowAsync<InvalidOperationException>(
            () => RecordRootActivitiesAsync(Environments.Production, 1, ("Telemetry:TracesPerSecond", "0")));

        error.Message.ShouldContain("Telemetry:TracesPerSecond");
    }

    /// <summary>
    /// Starts <paramref name="count"/> activities at one instant (a fake clock) in a host with the
    /// service defaults, as new traces or, when given, each under <paramref name="parent"/>, and
    /// tells which were recorded. The source is the host's own, unique to the call, so
    /// no other test's listener sees it.
    /// </summary>
    private static async Task<bool[]> RecordRootActivitiesAsync(
        string environment, int count, (string Key, string Value)? setting = null, ActivityContext? parent = null)
    {
        var application = "sampling-" + Guid.NewGuid().ToString("N");
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = environment,
            ApplicationName = application,
        });
        if (setting is var (key, value))
        {
            builder.Configuration[key] = value;
        }

        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        builder.AddServiceDefaults();
        using var host = builder.Build();
        await host.StartAsync();

        using var source = new ActivitySource(application);
        var recorded = new bool[count];
        for (var index = 0; index < count; index++)
        {
            using var activity = source.StartActivity("request", ActivityKind.Server, parent ?? default);
            recorded[index] = activity?.Recorded ?? false;
        }

        await host.StopAsync();
        return recorded;
    }

    /// <summary>
    /// A host with the service defaults records one activity of RefundSaver's own and flushes its
    /// traces. In Development, which keeps every trace: outside it the rate-limiting sampler
    /// decides, and a source of the same name in a test running beside this one could take the
    /// second's one trace.
    /// </summary>
    private static async Task RecordAnActivityAsync(string? otlpEndpoint)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
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
