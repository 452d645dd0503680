using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using RefundSaver.ServiceDefaults;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every RefundSaver service shares, in the shape of Aspire's ServiceDefaults template:
/// OpenTelemetry (exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, as the
/// AppHost sets it for its dashboard), service discovery, the standard resilience handler on
/// ordinary HTTP clients, and the <c>/health</c> and <c>/alive</c> endpoints. Outside Development,
/// traces are sampled (see <see cref="TracesPerSecond"/>).
/// </summary>
public static class Extensions
{
    /// <summary>Meters and activity sources of RefundSaver's own code.</summary>
    public const string TelemetryPrefix = "RefundSaver.";

    private const string HealthEndpointPath = "/health";
    private const string AlivenessEndpointPath = "/alive";
    private const string LiveTag = "live";
    private const string TracesPerSecondKey = "Telemetry:TracesPerSecond";
    private const double DefaultTracesPerSecond = 1;

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(TelemetryPrefix + "*"))
            .WithTracing(tracing =>
            {
                if (TracesPerSecond(builder) is { } tracesPerSecond)
                {
                    tracing.SetSampler(services =>
                    {
                        var limit = new RateLimitingSampler(tracesPerSecond, services.GetService<TimeProvider>() ?? TimeProvider.System);
                        // A caller's "sampled" flag counts against the limit too: anyone may send one.
                        return new ParentBasedSampler(limit, remoteParentSampled: limit, remoteParentNotSampled: new AlwaysOffSampler());
                    });
                }

                tracing
                    .AddSource(builder.Environment.ApplicationName, TelemetryPrefix + "*")
                    .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsProbe(context.Request.Path))
                    .AddHttpClientInstrumentation();
            });

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// Recording and exporting every span cost more than the work it describes (the settings and
    /// webhook benchmarks lost half their throughput, docs/benchmarks.md), so outside Development at
    /// most <c>Telemetry:TracesPerSecond</c> (1) new traces a second are kept, whether they start here
    /// or continue a caller's. <c>OTEL_TRACES_SAMPLER</c> (the OpenTelemetry SDK's own setting, e.g.
    /// <c>always_on</c>) replaces this; in Development every trace is kept, as the dashboard expects.
    /// </summary>
    private static double? TracesPerSecond(IHostApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment() || !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_TRACES_SAMPLER"]))
        {
            return null;
        }

        var tracesPerSecond = builder.Configuration.GetValue(TracesPerSecondKey, DefaultTracesPerSecond);
        if (tracesPerSecond <= 0)
        {
            throw new InvalidOperationException($"{TracesPerSecondKey} must be above 0 (OTEL_TRACES_SAMPLER=always_off turns traces off).");
        }

        return tracesPerSecond;
    }

    /// <summary>
    /// Always mapped and anonymous: load balancers and the AppHost probe them. <c>/health</c> reports
    /// the overall status and each dependency's; in Development also each check's description and
    /// exception message, which elsewhere would tell anyone about the servers behind it. <c>/alive</c>
    /// says only that the process answers.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        var detailed = app.Environment.IsDevelopment();
        app.MapHealthChecks(HealthEndpointPath, new HealthCheckOptions
            {
                ResponseWriter = (context, report) => WriteHealthReport(context, report, detailed),
            })
            .AllowAnonymous();
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) })
            .AllowAnonymous();
        return app;
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments(HealthEndpointPath) || path.StartsWithSegments(AlivenessEndpointPath);

    private static Task WriteHealthReport(HttpContext context, HealthReport report, bool detailed) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => detailed
                    ? new HealthCheckReport(entry.Value.Status.ToString(), entry.Value.Description, entry.Value.Exception?.Message)
                    : new HealthCheckReport(entry.Value.Status.ToString())),
        });
}
