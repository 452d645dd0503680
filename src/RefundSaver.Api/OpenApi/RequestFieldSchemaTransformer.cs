using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using RefundSaver.Api.Json;

namespace RefundSaver.Api.OpenApi;

/// <summary>
/// Shows a <see cref="RequestField{T}"/> as what is sent: a <c>T</c> or null (every field may be
/// null, which resets it, or left out, which keeps it).
/// </summary>
internal sealed class RequestFieldSchemaTransformer : IOpenApiSchemaTransformer
{
    /// <summary>The <c>T</c> of a <see cref="RequestField{T}"/> (its underlying type if nullable), else null.</summary>
    public static Type? ValueTypeOf(Type type)
    {
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(RequestField<>))
        {
            return null;
        }

        var value = type.GetGenericArguments()[0];
        return Nullable.GetUnderlyingType(value) ?? value;
    }

    public async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (ValueTypeOf(context.JsonTypeInfo.Type) is not { } valueType)
        {
            return;
        }

        var value = await context.GetOrCreateSchemaAsync(valueType, null, cancellationToken);
        schema.Type = (value.Type ?? JsonSchemaType.Object) | JsonSchemaType.Null;
        schema.Format = value.Format;
        schema.Pattern = value.Pattern;
        schema.Items = value.Items;
        schema.Properties = value.Properties;
        schema.AdditionalProperties = value.AdditionalProperties;
        schema.Required = value.Required;
    }
}
