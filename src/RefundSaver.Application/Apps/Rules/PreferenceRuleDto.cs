namespace RefundSaver.Application.Apps.Rules;

/// <summary>The wire (and stored) shape of one rule: <c>{"when": {…}, "preference": "decline"}</c>.</summary>
public sealed record PreferenceRuleDto(RuleConditionsDto? When, string? Preference);
