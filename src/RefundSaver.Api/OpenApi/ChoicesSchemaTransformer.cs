using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using RefundSaver.Application.Apps.Rules;
using RefundSaver.Domain.AppStore;
using RefundSaver.Domain.Consumption;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.Api.OpenApi;

/// <summary>
/// The strings a field or query parameter holds where only some are accepted, as an enum. Keyed by
/// wire name: a name means the same thing everywhere in this API, in requests and in answers.
/// </summary>
internal sealed class ChoicesSchemaTransformer : IOpenApiSchemaTransformer
{
    private static readonly IReadOnlyList<string> Environments = [AppStoreEnvironmentNames.Sandbox, AppStoreEnvironmentNames.Production];

    private static readonly Dictionary<string, IReadOnlyList<string>> Choices = new()
    {
        ["custom_preference"] = CustomPreferenceNames.All,
        ["account_status"] = UserStatusNames.All,
        ["delivery_status"] = DeliveryStatusNames.All,
        ["preference"] = RefundPreferenceNames.All,
        ["manual_preference"] = RefundPreferenceNames.All,
        ["consumption_api_version"] = ConsumptionApiVersionNames.All,
        ["api_version"] = ConsumptionApiVersionNames.All,
        ["refund_policy"] = RefundPolicyNames.All,
        ["consent_default"] = ConsentDefaultNames.All,
        ["environment"] = Environments,
        ["environments"] = Environments,
        ["state"] = [.. Enum.GetNames<ConsumptionRequestState>().Select(name => name.ToLowerInvariant())],
        ["outcome"] = [.. Enum.GetNames<RefundOutcome>().Select(name => name.ToLowerInvariant())],
        ["product_types"] = ProductTypeNames.All,
        ["reasons"] = PreferenceRules.Reasons,
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var name = context.JsonPropertyInfo?.Name ?? context.ParameterDescription?.Name;
        if (name is not null && Choices.TryGetValue(name, out var choices))
        {
            var strings = schema.Type?.HasFlag(JsonSchemaType.Array) == true ? schema.Items as OpenApiSchema : schema;
            if (strings is not null)
            {
                strings.Enum = [.. choices.Select(choice => (JsonNode)choice)];
                if (strings.Type?.HasFlag(JsonSchemaType.Null) == true)
                {
                    strings.Enum.Add(null!);
                }
            }
        }

        return Task.CompletedTask;
    }
}
