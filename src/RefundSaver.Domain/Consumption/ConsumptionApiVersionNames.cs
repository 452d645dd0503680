namespace RefundSaver.Domain.Consumption;

/// <summary>The wire names of <see cref="ConsumptionApiVersion"/>.</summary>
public static class ConsumptionApiVersionNames
{
    public const string V2 = "v2";
    public const string V1 = "v1";

    public static IReadOnlyList<string> All { get; } = [V2, V1];

    public static string ToWire(this ConsumptionApiVersion version) => version switch
    {
        ConsumptionApiVersion.V2 => V2,
        ConsumptionApiVersion.V1 => V1,
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, null),
    };

    /// <summary>Exact, ordinal match of a wire name; on failure <paramref name="version"/> is the default.</summary>
    public static bool TryParse(string? name, out ConsumptionApiVersion version)
    {
        ConsumptionApiVersion? parsed = name switch
        {
            V2 => ConsumptionApiVersion.V2,
            V1 => ConsumptionApiVersion.V1,
            _ => null,
        };
        version = parsed.GetValueOrDefault();
        return parsed is not null;
    }

    /// <summary>For names already validated (as stored): an unknown one is a bug, not bad input.</summary>
    public static ConsumptionApiVersion Parse(string name) =>
        TryParse(name, out var parsed) ? parsed : throw new FormatException($"Unknown ConsumptionApiVersion name '{name}'.");
}
