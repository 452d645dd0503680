using System.Text.Json;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RefundSaver.AppStoreSimulator.AppleApi;
using RefundSaver.AppStoreSimulator.Control;
using RefundSaver.AppStoreSimulator.Errors;
using RefundSaver.AppStoreSimulator.Faults;
using RefundSaver.AppStoreSimulator.Model;
using RefundSaver.AppStoreSimulator.Notifications;
using RefundSaver.AppStoreSimulator.Recording;
using RefundSaver.AppStoreSimulator.Signing;

namespace RefundSaver.AppStoreSimulator;

/// <summary>The simulator's registrations and routes.</summary>
public static class DependencyInjection
{
    /// <summary>Defaults that any other configuration source overrides (the simulator has no appsettings.json,
    /// which would land beside RefundSaver.Api's in the output of test projects that reference both).</summary>
    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
    };

    public static IHostApplicationBuilder AddAppStoreSimulator(this IHostApplicationBuilder builder)
    {
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
        var services = builder.Services;
        services.AddOptions<SimulatorOptions>()
            .Bind(builder.Configuration.GetSection(SimulatorOptions.SectionName))
            .Validate(options => options.RetryTimeScale >= 0, "Simulator:RetryTimeScale must be 0 or more.")
            .Validate(options => options.ProductionRateLimit > 0 && options.SandboxRateLimit > 0, "Simulator rate limits must be positive.")
            .Validate(options => options.DeliveryTimeoutSeconds > 0, "Simulator:DeliveryTimeoutSeconds must be positive.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => SigningIdentity.LoadOrCreate(
            provider.GetRequiredService<IOptions<SimulatorOptions>>().Value.ChainDirectory,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<SigningIdentity>()));
        services.AddSingleton<SimulatorIds>();
        services.AddSingleton<AppRegistry>();
        services.AddSingleton<TransactionStore>();
        services.AddSingleton<NotificationLog>();
        services.AddSingleton<NotificationFactory>();
        services.AddSingleton<NotificationDelivery>();
        services.AddHostedService(provider => provider.GetRequiredService<NotificationDelivery>());
        services.AddSingleton<TestNotificationStore>();
        services.AddSingleton<FaultInjector>();
        services.AddSingleton<ConsumptionLog>();
        services.AddSingleton<ConsumptionRateLimiter>();
        services.AddSingleton<ApiAuthenticator>();
        services.AddSingleton<AppleAnswers>();
        services.AddSingleton<ConsumptionApi>();

        // Apple's delivery has its own timeout and retry schedule, not the standard resilience handler.
#pragma warning disable EXTEXP0001 // Experimental, but the documented way to opt one client out of the defaults.
        services.AddHttpClient(NotificationDelivery.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        services.AddExceptionHandler<SimulatorExceptionHandler>();
        services.AddProblemDetails();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        });
        return builder;
    }

    public static WebApplication MapAppStoreSimulator(this WebApplication app)
    {
        app.UseExceptionHandler();
        // The control API reads JSON whatever the request says it sends (curl -d says form data).
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/simulator") && !context.Request.HasJsonContentType())
            {
                context.Request.ContentType = "application/json";
            }

            return next(context);
        });
        // After the line above: routing matches endpoints on the content type.
        app.UseRouting();
        // Load (or generate) the signing chain now rather than on the first notification.
        _ = app.Services.GetRequiredService<SigningIdentity>();

        app.MapAppStoreApi();
        app.MapApps();
        app.MapPurchases();
        app.MapTransactions();
        app.MapNotifications();
        app.MapFaults();
        app.MapStats();
        app.MapSigning();
        return app;
    }
}
