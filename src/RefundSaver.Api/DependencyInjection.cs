using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using RefundSaver.Api.Authentication;
using RefundSaver.Api.Endpoints;
using RefundSaver.Api.Errors;
using RefundSaver.Api.Metrics;
using RefundSaver.Api.OpenApi;
using RefundSaver.Api.RateLimiting;

namespace Microsoft.Extensions.Hosting;

public static class DependencyInjection
{
    public static IHostApplicationBuilder AddApi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            // Numbers are JSON numbers both ways (JsonRequestBody takes none in a string), and the document says so.
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddProblemDetails();

        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section)
            .Validate<IHostEnvironment>(AdminOptions.IsValid, AdminOptions.Requirements)
            .Validate(AdminOptions.HasValidAccessRules, AdminOptions.NetworkRequirements)
            .ValidateOnStart();
        services.AddOptions<FailedAuthenticationOptions>().BindConfiguration(FailedAuthenticationOptions.Section);
        services.AddSingleton<FailedAuthenticationThrottle>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthenticationSchemes.ApiKey, null)
            .AddScheme<AuthenticationSchemeOptions, AdminTokenAuthenticationHandler>(AuthenticationSchemes.AdminToken, null);
        services.AddAppRateLimiting();
        services.AddSingleton<WebhookMetrics>();
        services.AddApiDocument();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, EndpointAuthorizationResultHandler>();
        services.AddAuthorizationBuilder()
            // Default deny: an endpoint that names no policy and is not marked anonymous needs the operator's
            // token (one scheme, so that a refusal is one 401), never merely some app's key.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(AuthenticationSchemes.AdminToken).RequireAuthenticatedUser().Build())
            .AddPolicy(AuthorizationPolicies.AppBackend, policy => policy
                .AddAuthenticationSchemes(AuthenticationSchemes.ApiKey)
                .RequireClaim(AuthenticationSchemes.AppIdClaim))
            .AddPolicy(AuthorizationPolicies.Admin, policy => policy
                .AddAuthenticationSchemes(AuthenticationSchemes.AdminToken)
                .RequireRole("admin"));
        return builder;
    }

    /// <summary>The middleware every request passes, in order: errors first, then who is calling.</summary>
    public static WebApplication UseApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusCodePageWriter.WriteAsync);
        app.UseAdminAccess();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    public static WebApplication MapApi(this WebApplication app)
    {
        app.MapAdminAppsApi();
        app.MapAdminAppStoreApi();
        app.MapProfilesApi();
        app.MapRefundSaverSettingsApi();
        app.MapTransactionLinksApi();
        app.MapUsageApi();
        app.MapPurchaseReportsApi();
        // Apple authenticates by signing the payload, not the request; its deliveries are limited per client address.
        app.MapGroup(string.Empty)
            .AllowAnonymous()
            .RequireRateLimiting(AppRateLimiting.PerClientAddressPolicy)
            .ProducesErrors(StatusCodes.Status429TooManyRequests)
            .MapAppStoreWebhook();
        app.MapApiDocument();
        return app;
    }
}
