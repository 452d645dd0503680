using System.Text.Json;
using System.Text.Json.Serialization;
using RefundSaver.Domain.Consumption;

namespace RefundSaver.Application.Apps.Rules;

/// <summary>Rules between their wire shape and the domain's, and their JSON (the same in the API and the database).</summary>
public static class PreferenceRules
{
    public static readonly IReadOnlyList<string> Reasons =
        ["UNINTENDED_PURCHASE", "FULFILLMENT_ISSUE", "UNSATISFIED_WITH_PURCHASE", "LEGAL", "OTHER"];

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>What is wrong with each rule, as "rule N: …"; empty when every rule is valid.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<PreferenceRuleDto?> rules)
    {
        List<string> problems = [];
        for (var index = 0; index < rules.Count; index++)
        {
            var rule = rules[index];
            var name = $"rule {index + 1}";
            if (rule is null)
            {
                problems.Add($"{name}: expected an object with \"when\" and \"preference\".");
                continue;
            }

            if (!RefundPreferenceNames.TryParse(rule.Preference, out _))
            {
                problems.Add($"{name}: preference must be one of {string.Join(", ", RefundPreferenceNames.All)}.");
            }

            var when = rule.When ?? new RuleConditionsDto();
            problems.AddRange(Unknown(when.Reasons, Reasons, StringComparer.OrdinalIgnoreCase).Select(value => $"{name}: unknown reason '{value}'."));
            problems.AddRange(Unknown(when.ProductTypes, ProductTypeNames.All, StringComparer.Ordinal).Select(value => $"{name}: unknown product type '{value}'."));
            if (when.MinConsumptionPercent is < 0 or > 100 || when.MaxConsumptionPercent is < 0 or > 100)
            {
                problems.Add($"{name}: consumption percentages are between 0 and 100.");
            }

            if (when.MinTenureDays < 0 || when.MaxTenureDays < 0 || when.MinLifetimePurchasedUsd < 0
                || when.MaxLifetimePurchasedUsd < 0 || when.MinLifetimeRefundedUsd < 0 || when.MaxLifetimeRefundedUsd < 0)
            {
                problems.Add($"{name}: bounds are not negative.");
            }
        }

        return problems;
    }

    /// <summary>Valid rules (see <see cref="Problems"/>) in the domain's terms.</summary>
    public static IReadOnlyList<PreferenceRule> ToDomain(IEnumerable<PreferenceRuleDto> rules) =>
        rules.Select(rule =>
        {
            var when = rule.When ?? new RuleConditionsDto();
            RefundPreferenceNames.TryParse(rule.Preference, out var preference);
            return new PreferenceRule(
                new RuleConditions
                {
                    Reasons = when.Reasons,
                    ProductTypes = when.ProductTypes?.Select(name => ProductTypeNames.TryParse(name, out var type) ? type : default).ToList(),
                    ProductIds = when.ProductIds,
                    Storefronts = when.Storefronts,
                    MinTenureDays = when.MinTenureDays,
                    MaxTenureDays = when.MaxTenureDays,
                    MinLifetimePurchasedUsd = when.MinLifetimePurchasedUsd,
                    MaxLifetimePurchasedUsd = when.MaxLifetimePurchasedUsd,
                    MinLifetimeRefundedUsd = when.MinLifetimeRefundedUsd,
                    MaxLifetimeRefundedUsd = when.MaxLifetimeRefundedUsd,
                    MinConsumptionPercent = when.MinConsumptionPercent,
                    MaxConsumptionPercent = when.MaxConsumptionPercent,
                },
                preference);
        }).ToList();

    public static IReadOnlyList<PreferenceRuleDto> FromDomain(IEnumerable<PreferenceRule> rules) =>
        rules.Select(rule => new PreferenceRuleDto(
            new RuleConditionsDto
            {
                Reasons = rule.When.Reasons,
                ProductTypes = rule.When.ProductTypes?.Select(type => type.ToWire()).ToList(),
                ProductIds = rule.When.ProductIds,
                Storefronts = rule.When.Storefronts,
                MinTenureDays = rule.When.MinTenureDays,
                MaxTenureDays = rule.When.MaxTenureDays,
                MinLifetimePurchasedUsd = rule.When.MinLifetimePurchasedUsd,
                MaxLifetimePurchasedUsd = rule.When.MaxLifetimePurchasedUsd,
                MinLifetimeRefundedUsd = rule.When.MinLifetimeRefundedUsd,
                MaxLifetimeRefundedUsd = rule.When.MaxLifetimeRefundedUsd,
                MinConsumptionPercent = rule.When.MinConsumptionPercent,
                MaxConsumptionPercent = rule.When.MaxConsumptionPercent,
            },
            rule.Preference.ToWire())).ToList();

    public static string Serialize(IEnumerable<PreferenceRule> rules) => JsonSerializer.Serialize(FromDomain(rules), Json);

    public static List<PreferenceRule> Deserialize(string json) =>
        [.. ToDomain(JsonSerializer.Deserialize<List<PreferenceRuleDto>>(json, Json) ?? [])];

    private static IEnumerable<string> Unknown(IReadOnlyList<string>? given, IReadOnlyList<string> known, StringComparer comparer) =>
        given?.Where(value => !known.Contains(value, comparer)) ?? [];
}
