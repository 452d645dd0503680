using Microsoft.OpenApi;
using RefundSaver.Api.Endpoints;
using RefundSaver.Api.Errors;
using RefundSaver.Application.Common.Paging;
using RefundSaver.Application.Profiles;

namespace RefundSaver.Api.OpenApi;

/// <summary>What the document cannot see in an endpoint's signature: its error answers and the inputs it reads by hand.</summary>
public static class EndpointDocumentation
{
    /// <summary>
    /// The JSON body the endpoint reads itself (see <see cref="Json.JsonRequestBody"/>); optional, as an
    /// empty body reads as <c>{}</c>. Described by the document alone: accepts metadata would have routing
    /// refuse (415) a body sent with another content type, which the API has always read.
    /// </summary>
    public static RouteHandlerBuilder AcceptsJson<TBody>(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var name = typeof(TBody).Name;
            context.Document!.AddComponent(name, await context.GetOrCreateSchemaAsync(typeof(TBody), null, cancellationToken));
            operation.RequestBody = new OpenApiRequestBody
            {
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = new OpenApiSchemaReference(name, context.Document) },
                },
            };
        });

    /// <summary>The statuses at which the endpoint answers with the error body.</summary>
    public static TBuilder ProducesErrors<TBuilder>(this TBuilder builder, params int[] statusCodes)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var statusCode in statusCodes)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(statusCode, typeof(ErrorBody), ["application/json"]));
        }

        return builder;
    }

    /// <summary>The profile the request is about, named by exactly one of Adapty's two headers.</summary>
    public static TBuilder WithProfileHeaders<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(Parameter(
                ParameterLocation.Header,
                ProfileRequestHeaders.CustomerUserId,
                new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 255 },
                $"The profile's customer user id. Give this or {ProfileRequestHeaders.ProfileId}, not both."));
            operation.Parameters.Add(Parameter(
                ParameterLocation.Header,
                ProfileRequestHeaders.ProfileId,
                new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
                $"The profile's id. Give this or {ProfileRequestHeaders.CustomerUserId}, not both."));
            return Task.CompletedTask;
        });

    /// <summary>A query parameter the endpoint reads from the query string itself.</summary>
    public static TBuilder WithQueryParameter<TBuilder>(
        this TBuilder builder, string name, JsonSchemaType type, string description, bool required = false)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(Parameter(ParameterLocation.Query, name, new OpenApiSchema { Type = type }, description, required));
            return Task.CompletedTask;
        });

    /// <summary>The <c>page</c> and <c>page_size</c> of a list (see <see cref="Endpoints.PagingQuery"/>).</summary>
    public static RouteHandlerBuilder WithPaging(this RouteHandlerBuilder builder) =>
        builder
            .WithQueryParameter("page", JsonSchemaType.Integer, "The page, counting from 1 (default 1).")
            .WithQueryParameter("page_size", JsonSchemaType.Integer, $"Items a page, 1 to {PageRequest.MaxPageSize} (default {PageRequest.DefaultPageSize}).");

    private static OpenApiParameter Parameter(
        ParameterLocation location, string name, OpenApiSchema schema, string description, bool required = false) =>
        new() { In = location, Name = name, Schema = schema, Description = description, Required = required };
}
