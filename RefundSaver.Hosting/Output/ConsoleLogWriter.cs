namespace RefundSaver.Hosting.Output;

/// <summary>
/// Writes every resource's live output to the console as <c>[name] line</c>, the prefix coloured per
/// resource when the console is a terminal (and NO_COLOR is not set).
/// </summary>
internal sealed class ConsoleLogWriter
{
    public const string AppHostName = "apphost";

    private const string Reset = "\u001b[0m";
    private const string Red = "\u001b[31m";
    private static readonly string[] Palette =
        ["\u001b[36m", "\u001b[35m", "\u001b[33m", "\u001b[32m", "\u001b[34m", "\u001b[96m", "\u001b[95m", "\u001b[93m"];

    private readonly Dictionary<string, string> _colours;
    private readonly int _prefixWidth;
    private readonly bool _useColour;
    private readonly Lock _lock = new();

    public ConsoleLogWriter(IReadOnlyList<string> resourceNames)
    {
        _colours = resourceNames
            .Select((name, index) => (name, colour: Palette[index % Palette.Length]))
            .ToDictionary(entry => entry.name, entry => entry.colour, StringComparer.Ordinal);
        _prefixWidth = resourceNames.Append(AppHostName).Max(name => name.Length) + 2;
        _useColour = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
    }

    public void WriteResourceLine(string resourceName, string text) =>
        Write(resourceName, _colours.GetValueOrDefault(resourceName, ""), text);

    public void WriteAppHostLine(string text, bool isProblem = false) =>
        Write(AppHostName, isProblem ? Red : "", isProblem && _useColour ? Red + text + Reset : text);

    private void Write(string name, string colour, string text)
    {
        var prefix = $"[{name}]".PadRight(_prefixWidth);
        var line = _useColour && colour.Length > 0 ? colour + prefix + Reset + " " + text : prefix + " " + text;
        lock (_lock)
        {
            Console.Out.WriteLine(line);
        }
    }
}
