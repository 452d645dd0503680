using System.Diagnostics.CodeAnalysis;

namespace RefundSaver.Domain.Profiles;

/// <summary>The wire names of <see cref="CustomPreference"/>, as the Adapty contract spells them.</summary>
public static class CustomPreferenceNames
{
    public const string Grant = "grant";
    public const string Decline = "decline";
    public const string NoPreference = "no_preference";

    public static IReadOnlyList<string> All { get; } = [Grant, Decline, NoPreference];

    public static string ToName(this CustomPreference preference) => preference switch
    {
        CustomPreference.Grant => Grant,
        CustomPreference.Decline => Decline,
        CustomPreference.NoPreference => NoPreference,
        _ => throw new ArgumentOutOfRangeException(nameof(preference), preference, null),
    };

    public static bool TryParse(string? name, [NotNullWhen(true)] out CustomPreference? preference)
    {
        preference = name switch
        {
            Grant => CustomPreference.Grant,
            Decline => CustomPreference.Decline,
            NoPreference => CustomPreference.NoPreference,
            _ => null,
        };
        return preference is not null;
    }

    public static CustomPreference Parse(string name) =>
        TryParse(name, out var preference)
            ? preference.Value
            : throw new ArgumentOutOfRangeException(nameof(name), name, "Not a custom preference name.");
}
