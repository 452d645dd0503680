using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using RefundSaver.Api.Endpoints;

namespace RefundSaver.Api.OpenApi;

/// <summary>
/// The document's two ways to authenticate, and on each operation the one its authorization policy
/// takes: an app's API key for the server-side API, the admin token for the admin API.
/// </summary>
internal sealed class SecurityTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string ApiKeyScheme = "ApiKey";
    public const string AdminTokenScheme = "AdminToken";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "RefundSaver API",
            Version = "v1",
            Description = "Adapty-compatible server-side API, the operator's admin API and the App Store Server Notifications webhook. "
                + "Every error has one shape: {\"errors\":[{\"source\":…,\"errors\":[…]}],\"error_code\":…,\"status_code\":…}.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "Authorization",
            Description = "An app's secret API key, as `Authorization: Api-Key <key>`.",
        };
        document.Components.SecuritySchemes[AdminTokenScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The operator's admin token (setting Admin:Token), as `Authorization: Bearer <token>`.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var policies = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(data => data.Policy);
        foreach (var policy in policies)
        {
            var scheme = policy switch
            {
                AuthorizationPolicies.AppBackend => ApiKeyScheme,
                AuthorizationPolicies.Admin => AdminTokenScheme,
                _ => throw new InvalidOperationException($"The document knows no security scheme for the policy {policy}."),
            };
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] });
        }

        return Task.CompletedTask;
    }
}
