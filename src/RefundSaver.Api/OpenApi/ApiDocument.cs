using Microsoft.AspNetCore.OpenApi;
using RefundSaver.Api.Json;
using Scalar.AspNetCore;

namespace RefundSaver.Api.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>, in every environment (it holds no secrets), and
/// Scalar's reference page of it at <c>/scalar</c> in Development only.
/// </summary>
public static class ApiDocument
{
    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<SecurityTransformer>();
            options.AddOperationTransformer<SecurityTransformer>();
            // In this order: a request field gets its type first, then the names it may hold.
            options.AddSchemaTransformer<RequestFieldSchemaTransformer>();
            options.AddSchemaTransformer<ChoicesSchemaTransformer>();
            // A request field is shown in place, as the value it holds.
            options.CreateSchemaReferenceId = typeInfo => RequestFieldSchemaTransformer.ValueTypeOf(typeInfo.Type) is null
                ? OpenApiOptions.CreateDefaultSchemaReferenceId(typeInfo)
                : null;
        });

    public static WebApplication MapApiDocument(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference().AllowAnonymous();
        }

        return app;
    }
}
