namespace RefundSaver.Domain.Consumption;

/// <summary>One of an app's ordered rules: when its conditions hold, it picks the preference sent to Apple.</summary>
public sealed record PreferenceRule(RuleConditions When, RefundPreference Preference);
