namespace RefundSaver.Domain.Consumption;

/// <summary>The wire names of <see cref="ConsentDefault"/>.</summary>
public static class ConsentDefaultNames
{
    public const string OptIn = "opt_in";
    public const string OptOut = "opt_out";

    public static IReadOnlyList<string> All { get; } = [OptIn, OptOut];

    public static string ToWire(this ConsentDefault consentDefault) => consentDefault switch
    {
        ConsentDefault.OptIn => OptIn,
        ConsentDefault.OptOut => OptOut,
        _ => throw new ArgumentOutOfRangeException(nameof(consentDefault), consentDefault, null),
    };

    /// <summary>Exact, ordinal match of a wire name; on failure <paramref name="consentDefault"/> is the default.</summary>
    public static bool TryParse(string? name, out ConsentDefault consentDefault)
    {
        ConsentDefault? parsed = name switch
        {
            OptIn => ConsentDefault.OptIn,
            OptOut => ConsentDefault.OptOut,
            _ => null,
        };
        consentDefault = parsed.GetValueOrDefault();
        return parsed is not null;
    }

    /// <summary>For names already validated (as stored): an unknown one is a bug, not bad input.</summary>
    public static ConsentDefault Parse(string name) =>
        TryParse(name, out var parsed) ? parsed : throw new FormatException($"Unknown ConsentDefault name '{name}'.");
}
