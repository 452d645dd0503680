using RefundSaver.Domain.Profiles;

namespace RefundSaver.Domain.Consumption;

/// <summary>Everything <see cref="PreferenceResolver"/> needs to pick the preference of one consumption request.</summary>
public sealed record PreferenceInputs
{
    /// <summary>The profile's <c>custom_preference</c>; when set it wins over rules and policy.</summary>
    public CustomPreference? ProfilePreference { get; init; }

    public RefundPolicy Policy { get; init; }

    /// <summary>The app's rules, in order: the first that matches wins.</summary>
    public IReadOnlyList<PreferenceRule> Rules { get; init; } = [];

    public RuleFacts Facts { get; init; } = RuleFacts.Unknown;

    /// <summary>Consumption requests for the same transaction before this one (for decline_first_then_grant).</summary>
    public int EarlierRequestsForTransaction { get; init; }

    /// <summary>Consumption requests from the same customer before this one (for grant_first_then_decline).</summary>
    public int EarlierRequestsForCustomer { get; init; }
}
