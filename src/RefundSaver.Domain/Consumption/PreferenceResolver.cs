using System.Globalization;

namespace RefundSaver.Domain.Consumption;

/// <summary>
/// Picks the refund preference sent to Apple: the profile's own preference if set, else the first matching
/// rule in order, else the app's policy.
/// </summary>
public static class PreferenceResolver
{
    public const string ProfileSource = "profile";

    public static PreferenceDecision Resolve(PreferenceInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.ProfilePreference is { } custom)
        {
            return new PreferenceDecision(custom.ToRefundPreference(), ProfileSource);
        }

        for (var i = 0; i < inputs.Rules.Count; i++)
        {
            var rule = inputs.Rules[i];
            if (rule.When.Matches(inputs.Facts))
            {
                return new PreferenceDecision(rule.Preference, RuleSource(i + 1));
            }
        }

        return new PreferenceDecision(FromPolicy(inputs), "policy " + inputs.Policy.ToWire());
    }

    /// <summary>The source of the rule at this 1-based position: <c>"rule 2"</c>.</summary>
    public static string RuleSource(int position) => "rule " + position.ToString(CultureInfo.InvariantCulture);

    private static RefundPreference FromPolicy(PreferenceInputs inputs) => inputs.Policy switch
    {
        RefundPolicy.AlwaysDecline => RefundPreference.Decline,
        RefundPolicy.AlwaysGrant => RefundPreference.Grant,
        RefundPolicy.NoPreference => RefundPreference.NoPreference,
        RefundPolicy.DeclineFirstThenGrant =>
            inputs.EarlierRequestsForTransaction > 0 ? RefundPreference.Grant : RefundPreference.Decline,
        RefundPolicy.GrantFirstThenDecline =>
            inputs.EarlierRequestsForCustomer > 0 ? RefundPreference.Decline : RefundPreference.Grant,
        _ => throw new ArgumentOutOfRangeException(nameof(inputs), inputs.Policy, "Unknown refund policy."),
    };
}
