namespace RefundSaver.Domain.Consumption;

/// <summary>
/// The preference picked for one request and why: <c>"profile"</c>, <c>"rule 2"</c> (1-based) or
/// <c>"policy always_decline"</c> (the policy's wire name).
/// </summary>
public sealed record PreferenceDecision(RefundPreference Preference, string Source);
