namespace RefundSaver.Domain.Consumption;

/// <summary>The wire names of <see cref="RefundPolicy"/>, as the Adapty contract spells them.</summary>
public static class RefundPolicyNames
{
    public const string AlwaysDecline = "always_decline";
    public const string DeclineFirstThenGrant = "decline_first_then_grant";
    public const string GrantFirstThenDecline = "grant_first_then_decline";
    public const string AlwaysGrant = "always_grant";
    public const string NoPreference = "no_preference";

    public static IReadOnlyList<string> All { get; } =
        [AlwaysDecline, DeclineFirstThenGrant, GrantFirstThenDecline, AlwaysGrant, NoPreference];

    public static string ToWire(this RefundPolicy policy) => policy switch
    {
        RefundPolicy.AlwaysDecline => AlwaysDecline,
        RefundPolicy.DeclineFirstThenGrant => DeclineFirstThenGrant,
        RefundPolicy.GrantFirstThenDecline => GrantFirstThenDecline,
        RefundPolicy.AlwaysGrant => AlwaysGrant,
        RefundPolicy.NoPreference => NoPreference,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, null),
    };

    /// <summary>Exact, ordinal match of a wire name; on failure <paramref name="policy"/> is the default.</summary>
    public static bool TryParse(string? name, out RefundPolicy policy)
    {
        RefundPolicy? parsed = name switch
        {
            AlwaysDecline => RefundPolicy.AlwaysDecline,
            DeclineFirstThenGrant => RefundPolicy.DeclineFirstThenGrant,
            GrantFirstThenDecline => RefundPolicy.GrantFirstThenDecline,
            AlwaysGrant => RefundPolicy.AlwaysGrant,
            NoPreference => RefundPolicy.NoPreference,
            _ => null,
        };
        policy = parsed.GetValueOrDefault();
        return parsed is not null;
    }

    /// <summary>For names already validated (as stored): an unknown one is a bug, not bad input.</summary>
    public static RefundPolicy Parse(string name) =>
        TryParse(name, out var parsed) ? parsed : throw new FormatException($"Unknown RefundPolicy name '{name}'.");
}
