using System.Globalization;

namespace RefundSaver.Bench;

/// <summary><c>--name value</c> pairs.</summary>
internal sealed class Flags
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static Flags Parse(ReadOnlySpan<string> args)
    {
        var flags = new Flags();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"expected --name value, got '{args[i]}'");
            }

            flags._values[args[i][2..]] = args[++i];
        }

        return flags;
    }

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    public string Required(string name) =>
        Optional(name) ?? throw new ArgumentException($"--{name} is required");

    public string String(string name, string fallback) => Optional(name) ?? fallback;

    public int Int(string name, int fallback) =>
        Optional(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) =>
        Optional(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

    /// <summary>"15s", "500ms", "2m" or plain seconds.</summary>
    public TimeSpan Duration(string name, TimeSpan fallback)
    {
        if (Optional(name) is not { } v)
        {
            return fallback;
        }

        if (v.EndsWith("ms", StringComparison.Ordinal))
        {
            return TimeSpan.FromMilliseconds(double.Parse(v[..^2], CultureInfo.InvariantCulture));
        }

        if (v.EndsWith('m'))
        {
            return TimeSpan.FromMinutes(double.Parse(v[..^1], CultureInfo.InvariantCulture));
        }

        return TimeSpan.FromSeconds(double.Parse(v.TrimEnd('s'), CultureInfo.InvariantCulture));
    }
}
