using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
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
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

public static class DependencyInjection
{
    public const string DatabaseConnectionName = "refundsaver";
    public const string RedisConnectionName = "redis";

    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var databaseConnection = RequiredConnectionString(builder.Configuration, DatabaseConnectionName);
        var redisConnection = RequiredConnectionString(builder.Configuration, RedisConnectionName);

        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(Tuned(databaseConnection)).Build());
        services.AddDbContextPool<RefundSaverDbContext>((provider, options) => options
            .UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>())
            // A pool freezes its options before RefundSaverDbContext.OnConfiguring could add the naming convention.
            .UseSnakeCaseNaming());
        services.AddScoped<IApplicationDbContext>(provider => provider.GetRequiredService<RefundSaverDbContext>());
        services.AddSingleton<IRefundSaverSettingsStore, RefundSaverSettingsStore>();
        services.AddHostedService<DatabaseMigrator>();

        services.AddKeyedSingleton(NotificationStore.DataSourceKey, (_, _) => NotificationStore.DataSource(Tuned(databaseConnection)));
        services.AddSingleton<INotificationStore, NotificationStore>();

        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectRedis(redisConnection));
        services.AddHostedService<RedisConnector>();
        services.AddSingleton<IProcessedNotifications, RedisProcessedNotifications>();

        services.AddOptions<AppStoreVerificationOptions>().BindConfiguration(AppStoreVerificationOptions.Section);
        services.AddSingleton<ISignedPayloadVerifier, SignedPayloadVerifier>();
        AddAppStoreApi(services);
        AddDispatcher(builder);

        services.AddHealthChecks()
            .AddDbContextCheck<RefundSaverDbContext>("postgres")
            .AddCheck<RedisHealthCheck>("redis");
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
        services.AddHttpClient<IAppStoreApi, AppStoreApiClient>(AppStoreApiClient.Configure)
            .ConfigurePrimaryHttpMessageHandler(AppStoreApiClient.CreateHandler)
            .RedactLoggedHeaders(_ => true);
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
        services.AddSingleton<DispatcherMetrics>();
        if (builder.Configuration.GetValue<bool?>($"{DispatcherOptions.Section}:{nameof(DispatcherOptions.Enabled)}") ?? true)
        {
            services.AddHostedService<ConsumptionDispatcher>();
        }
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

    /// <summary>Connects without failing when Redis is down: it is a fast path, and everything works without it.</summary>
    private static ConnectionMultiplexer ConnectRedis(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = 1000;
        return ConnectionMultiplexer.Connect(options);
    }

    private static string RequiredConnectionString(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Connection string '{name}' is missing: set ConnectionStrings__{name} (the AppHost sets it for you).");
}
