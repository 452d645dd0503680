using RefundSaver.Domain.Profiles;

namespace RefundSaver.Domain.Consumption;

/// <summary>The wire names of <see cref="RefundPreference"/>, and the profile's preference as one.</summary>
public static class RefundPreferenceNames
{
    public const string Grant = "grant";
    public const string GrantProrated = "grant_prorated";
    public const string Decline = "decline";
    public const string NoPreference = "no_preference";

    public static IReadOnlyList<string> All { get; } = [Grant, GrantProrated, Decline, NoPreference];

    public static string ToWire(this RefundPreference preference) => preference switch
    {
        RefundPreference.Grant => Grant,
        RefundPreference.GrantProrated => GrantProrated,
        RefundPreference.Decline => Decline,
        RefundPreference.NoPreference => NoPreference,
        _ => throw new ArgumentOutOfRangeException(nameof(preference), preference, null),
    };

    /// <summary>Exact, ordinal match of a wire name; on failure <paramref name="preference"/> is the default.</summary>
    public static bool TryParse(string? name, out RefundPreference preference)
    {
        RefundPreference? parsed = name switch
        {
            Grant => RefundPreference.Grant,
            GrantProrated => RefundPreference.GrantProrated,
            Decline => RefundPreference.Decline,
            NoPreference => RefundPreference.NoPreference,
            _ => null,
        };
        preference = parsed.GetValueOrDefault();
        return parsed is not null;
    }

    /// <summary>Apple's V1 <c>refundPreference</c>: 1 prefer grant (a prorated grant too), 2 prefer decline, 3 no preference.</summary>
    public static int ToV1Code(this RefundPreference preference) => preference switch
    {
        RefundPreference.Grant or RefundPreference.GrantProrated => 1,
        RefundPreference.Decline => 2,
        RefundPreference.NoPreference => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(preference), preference, null),
    };

    /// <summary>A profile's <c>custom_preference</c> as the preference it picks.</summary>
    public static RefundPreference ToRefundPreference(this CustomPreference preference) => preference switch
    {
        CustomPreference.Grant => RefundPreference.Grant,
        CustomPreference.Decline => RefundPreference.Decline,
        CustomPreference.NoPreference => RefundPreference.NoPreference,
        _ => throw new ArgumentOutOfRangeException(nameof(preference), preference, null),
    };

    /// <summary>For names already validated (as stored): an unknown one is a bug, not bad input.</summary>
    public static RefundPreference Parse(string name) =>
        TryParse(name, out var parsed) ? parsed : throw new FormatException($"Unknown RefundPreference name '{name}'.");
}
