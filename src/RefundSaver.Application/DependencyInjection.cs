using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using RefundSaver.Application.ApiKeys;
using RefundSaver.Application.AppStore;
using RefundSaver.Application.Profiles;
using RefundSaver.Application.Common.Behaviours;
using RefundSaver.Application.Common.Messaging;

namespace Microsoft.Extensions.Hosting;

public static class DependencyInjection
{
    public static IHostApplicationBuilder AddApplication(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddMemoryCache();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<AppStoreApps>();
        services.AddSingleton<ProfileRevenue>();
        services.AddScoped<ISender, Mediator>();
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddImplementationsOf(typeof(IRequestHandler<,>), ServiceLifetime.Scoped);
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        return builder;
    }

    /// <summary>
    /// Registers this assembly's concrete classes under each closed form of <paramref name="openInterface"/>
    /// they implement: the assembly scan that MediatR's DI package would do.
    /// </summary>
    private static void AddImplementationsOf(this IServiceCollection services, Type openInterface, ServiceLifetime lifetime)
    {
        var registrations =
            from type in typeof(DependencyInjection).Assembly.GetTypes()
            where type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
            from implemented in type.GetInterfaces()
            where implemented.IsGenericType && implemented.GetGenericTypeDefinition() == openInterface
            select ServiceDescriptor.Describe(implemented, type, lifetime);
        foreach (var registration in registrations)
        {
            services.Add(registration);
        }
    }
}
