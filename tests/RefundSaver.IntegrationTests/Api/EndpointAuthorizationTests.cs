using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Api;

/// <summary>Every endpoint, on a Development host (which maps the most: Scalar's page too), names who may call it.</summary>
public sealed class EndpointAuthorizationTests(RealServersFixture servers) : IntegrationTest(servers)
{
    /// <summary>The only endpoints anyone may call: Apple's webhook (it verifies the payload's signature), the probes, the document.</summary>
    private static readonly string[] Anonymous =
    [
        "/webhooks/app-store",
        "/health",
        "/alive",
        "/openapi/{documentName}.json",
        "/scalar/{documentName?}",
        "/scalar",
        "/scalar/scalar.js",
        "/scalar/scalar.aspnetcore.js",
        "/scalar/favicon.svg",
    ];

    public override Task InitializeAsync() =>
        UseApiAsync(new Dictionary<string, string?> { [WebHostDefaults.EnvironmentKey] = Environments.Development });

    [Fact]
    public void Endpoints_WhenEnumerated_ShouldEachRequireAPolicyOrBeListedAsAnonymous()
    {
        var endpoints = Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        endpoints.Count.ShouldBeGreaterThan(10);
        var unlisted = endpoints
            .Where(endpoint => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(Pattern)
            .Where(pattern => !Anonymous.Contains(pattern));
        var unguarded = endpoints
            .Where(endpoint => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null
                && !endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(data => data.Policy is not null))
            .Select(Pattern);

        unlisted.ShouldBeEmpty("anonymous but not listed");
        unguarded.ShouldBeEmpty("naming no policy and not marked anonymous");
        endpoints.Select(Pattern).ShouldContain("/webhooks/app-store");
    }

    [Fact]
    public void FallbackPolicy_WhenConfigured_ShouldRequireAnAuthenticatedUser()
    {
        var fallback = Api.Services.GetRequiredService<IOptions<AuthorizationOptions>>().Value.FallbackPolicy;

        fallback.ShouldNotBeNull();
        fallback.Requirements.ShouldContain(requirement => requirement is Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement);
    }

    private static string Pattern(RouteEndpoint endpoint) => "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
}
