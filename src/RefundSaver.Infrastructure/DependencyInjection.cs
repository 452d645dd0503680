using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using System.Diagnostics;
using Npgsql;
using RefundSaver.Domain.Consumption;
using RefundSaver.Application.AppStore;
using RefundSaver.Application.AppStore.Api;
using RefundSaver.Application.AppStore.Dispatching;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Infrastructure.AppStore;
using RefundSaver.Infrastructure.AppStore.Api;
using RefundSaver.Infrastructure.Dispatching;
using RefundSaver.Infrastructure.Persistence;
using RefundSaver.Infrastructure.Redis;
using RefundSaver.Infrastructure.Retention;

namespace Microsoft.Extensions.Hosting;

public static class DependencyInjection
{
    public const string DatabaseConnectionName = "refundsaver";
    public const string DatabaseOwnerConnectionName = "refundsaver-owner";
    public const string RedisConnectionName = "redis";

    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var databaseConnection = RequiredConnectionString(builder.Configuration, DatabaseConnectionName);
        RequiredConnectionString(builder.Configuration, RedisConnectionName);

        // One pool for EF Core and the raw Npgsql paths (the settings store, the dispatcher), from
        // Aspire's Npgsql integration: its health check, tracing and metrics. The context is
        // registered on that data source and enriched by Aspire's EF Core integration, rather than
        // made by AddNpgsqlDbContext, which would open a second pool from the connection string.
        builder.AddNpgsqlDataSource(
            DatabaseConnectionName, settings => settings.ConnectionString = Tuned(settings.ConnectionString!), TraceWorkOnly);
        services.AddDbContextPool<RefundSaverDbContext>((provider, options) => options
            .UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>())
            // A pool freezes its options before RefundSaverDbContext.OnConfiguring could add the naming convention.
            .UseSnakeCaseNaming());
        builder.EnrichNpgsqlDbContext<RefundSaverDbContext>(settings =>
        {
            // No retrying execution strategy: a failed write must surface (the webhook answers 503
            // and Apple retries; a dispatcher's lease lapses and the request is claimed again), and
            // that strategy refuses the transactions the use cases open themselves.
            settings.DisableRetry = true;
            // The data source's check already probes the same database.
            settings.DisableHealthChecks = true;
        });
        services.AddScoped<IApplicationDbContext>(provider => provider.GetRequiredService<RefundSaverDbContext>());
        services.AddSingleton<IRefundSaverSettingsStore, RefundSaverSettingsStore>();
        services.AddSingleton(new DatabaseConnections(
            databaseConnection, builder.Configuration.GetConnectionString(DatabaseOwnerConnectionName) is { Length: > 0 } owner ? owner : null));
        services.AddScoped<IProfileEraser, ProfileEraser>();
        services.AddHostedService<DatabaseMigrator>();

        // Data sources of their own, with the main one's tuning and a server setting of their own.
        void AddTunedDataSource(string key, Func<string, string> connectionString) =>
            builder.AddKeyedNpgsqlDataSource(
                key,
                settings =>
                {
                    settings.ConnectionString = connectionString(Tuned(databaseConnection));
                    settings.DisableHealthChecks = true;
                },
                TraceWorkOnly);
        AddTunedDataSource(NotificationStore.DataSourceKey, NotificationStore.ConnectionString);
        services.AddSingleton<INotificationStore, NotificationStore>();
        AddTunedDataSource(DispatchQueue.DataSourceKey, DispatchQueue.ConnectionString);

        builder.AddRedisClient(RedisConnectionName, configureOptions: options =>
        {
            // Redis is only the fast path: a process starts and serves while it is down, and
            // reconnects by itself when it is back.
            options.AbortOnConnectFail = false;
            options.ConnectTimeout = 2000;
            options.SyncTimeout = 1000;
        });
        services.AddSingleton<RedisKeyspace>();
        services.AddHostedService<RedisKeyspaceLoader>();
        services.AddSingleton<IProcessedNotifications, RedisProcessedNotifications>();

        services.AddOptions<AppStoreVerificationOptions>().BindConfiguration(AppStoreVerificationOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AppStoreVerificationOptions>, AppStoreVerificationOptionsValidator>();
        services.AddSingleton<ISignedPayloadVerifier, SignedPayloadVerifier>();
        AddAppStoreApi(services);
        AddDispatcher(builder);
        AddRetention(services);
        return builder;
    }

    /// <summary>The client of Apple's App Store Server API, and the protector of the Apple keys it signs with.</summary>
    private static void AddAppStoreApi(IServiceCollection services)
    {
        services.AddOptions<AppStoreApiOptions>().BindConfiguration(AppStoreApiOptions.Section)
            .Validate(AppStoreApiOptions.IsValid, AppStoreApiOptions.Requirements).ValidateOnStart();
        services.AddOptions<CredentialProtectionOptions>().BindConfiguration(CredentialProtectionOptions.Section)
            .Validate(CredentialProtectionOptions.IsValid, CredentialProtectionOptions.Requirements).ValidateOnStart();
        services.AddSingleton<ICredentialProtector, AesGcmCredentialProtector>();
        services.AddSingleton<AppStoreTokenFactory>();
        services.AddSingleton<AppStoreResiliencePipeline>();
        // Apple's calls keep their own pipeline (AppStoreResiliencePipeline: Retry-After, the
        // dispatcher's turns), not the standard handler the service defaults give other clients.
#pragma warning disable EXTEXP0001 // Experimental, but the documented way to opt one client out of the defaults.
        services.AddHttpClient<IAppStoreApi, AppStoreApiClient>(AppStoreApiClient.Configure)
            .ConfigurePrimaryHttpMessageHandler(AppStoreApiClient.CreateHandler)
            .RemoveAllResilienceHandlers()
            .RedactLoggedHeaders(_ => true);
#pragma warning restore EXTEXP0001
    }

    /// <summary>The dispatcher answers consumption requests in this process unless <c>Dispatcher:Enabled</c> is false.</summary>
    private static void AddDispatcher(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DispatcherOptions>().BindConfiguration(DispatcherOptions.Section)
            .Validate(options => options.Concurrency > 0 && options.LeaseSeconds > 0 && options.MaxIdleSeconds > 0
                && options.ProductionRatePerSecond > 0 && options.SandboxRatePerSecond > 0 && options.RetryFirstDelaySeconds > 0
                && options.RetryMaxDelaySeconds >= options.RetryFirstDelaySeconds && options.MaxUnauthorizedAttempts > 0,
                "Dispatcher settings must be positive (and RetryMaxDelaySeconds at least RetryFirstDelaySeconds).")
            .ValidateOnStart();
        services.AddSingleton(provider => UsdRatesFrom(provider.GetRequiredService<IOptions<DispatcherOptions>>().Value));
        services.AddSingleton<DispatchPlanner>();
        services.AddSingleton<DispatchQueue>();
        services.AddSingleton<CallWindows>();
        services.AddSingleton<IDispatcherSignal>(provider => provider.GetRequiredService<DispatchQueue>());
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<DispatcherOptions>>().Value.Schedule);
        services.AddSingleton<DispatcherIdentity>();
        services.AddSingleton<DispatcherWake>();
        services.AddSingleton<AppleTurns>();
        services.AddSingleton<IAppleTurns>(provider => provider.GetRequiredService<AppleTurns>());
        services.AddSingleton<LeasedRequestMoves>();
        services.AddSingleton<AttemptRecords>();
        services.AddScoped<ILeasedRequests, LeasedRequests>();
        if (builder.Configuration.GetValue<bool?>($"{DispatcherOptions.Section}:{nameof(DispatcherOptions.Enabled)}") ?? true)
        {
            services.AddHostedService<ConsumptionDispatcher>();
        }
    }

    /// <summary>Customer data older than <c>Retention:Days</c> is removed periodically (0 keeps it forever).</summary>
    private static void AddRetention(IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .Validate(RetentionOptions.IsValid, "Retention:Days must be 0 (keep forever) or more, IntervalMinutes and BatchSize positive.")
            .ValidateOnStart();
        services.AddSingleton<RetentionPurge>();
        services.AddHostedService<RetentionService>();
    }

    private static UsdRates UsdRatesFrom(DispatcherOptions options)
    {
        var rates = new Dictionary<string, decimal>(UsdRates.Default.Rates, StringComparer.OrdinalIgnoreCase);
        foreach (var (currency, rate) in options.UsdRates)
        {
            rates[currency] = rate;
        }

        return new UsdRates(rates);
    }

    /// <summary>
    /// Database commands are traced inside a request's or a job's span only: the dispatcher's
    /// heartbeats and idle polls would otherwise be a trace of their own every few seconds.
    /// </summary>
    private static void TraceWorkOnly(NpgsqlDataSourceBuilder dataSource) => dataSource.ConfigureTracing(tracing => tracing
        .ConfigureCommandFilter(_ => Activity.Current is not null)
        .ConfigureBatchFilter(_ => Activity.Current is not null));

    /// <summary>
    /// Prepare the statements that run often, unless the connection string sets its own number (the
    /// server then parses and plans them once per connection); and do not reset a pooled
    /// connection's session each time it is reused: that is a parsed multi-statement round per
    /// request, and nothing of ours leaves session state behind (the migration lock is released explicitly).
    /// </summary>
    private static string Tuned(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 32;
        }

        builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    private static string RequiredConnectionString(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Connection string '{name}' is missing: set ConnectionStrings__{name} (the AppHost sets it for you).");
}
