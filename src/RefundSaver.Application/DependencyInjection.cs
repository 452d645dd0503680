using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using RefundSaver.Application.ApiKeys;
using RefundSaver.Application.AppStore;
using RefundSaver.Application.AppStore.Dispatching;
using RefundSaver.Application.Profiles;
using RefundSaver.Application.Common.Behaviours;

namespace Microsoft.Extensions.Hosting;

public static class DependencyInjection
{
    public static IHostApplicationBuilder AddApplication(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddMemoryCache();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<WebhookAppCache>();
        services.AddOptions<AppStoreWebhookOptions>().BindConfiguration(AppStoreWebhookOptions.Section)
            .Validate(AppStoreWebhookOptions.IsValid, AppStoreWebhookOptions.Requirements).ValidateOnStart();
        services.AddSingleton<ProfileRevenue>();
        services.AddSingleton<DispatcherMetrics>();
        // Read at compile time by the source generator, which writes out the handler and behaviour registrations.
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            // Validation first: an invalid command opens no transaction.
            options.PipelineBehaviors = [typeof(ValidationBehaviour<,>), typeof(TransactionBehaviour<,>)];
        });
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        return builder;
    }
}
