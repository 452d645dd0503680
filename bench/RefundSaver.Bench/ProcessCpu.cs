using System.Globalization;

namespace RefundSaver.Bench;

/// <summary>
/// CPU time of this machine's processes, grouped by what they are (read from /proc): the bench
/// prints each group's CPU per notification, which says what the throughput is spent on.
/// </summary>
internal sealed class ProcessCpu
{
    // Linux reports utime and stime in clock ticks; USER_HZ is 100 on every architecture .NET runs on.
    private const double TicksPerSecond = 100;

    private static readonly (string Group, string Marker)[] Groups =
    [
        // The orchestrator runs the Api's own executable (…/net10.0/RefundSaver.Api), not its csproj.
        ("api", "net10.0/RefundSaver.Api"),
        ("verifier host", "RefundSaver.Bench.dll verify-host"),
        ("load generator", "RefundSaver.Bench.dll load"),
        ("postgres", "postgres"),
        ("redis", "redis-server"),
        ("simulator", "net10.0/RefundSaver.AppStoreSimulator"),
        // Aspire's dashboard takes the services' telemetry (OTLP) while they run.
        ("dashboard", "Aspire.Dashboard"),
    ];

    private readonly Dictionary<int, (string Group, long Ticks)> _start;
    private readonly DateTime _startedAt = DateTime.UtcNow;

    private ProcessCpu(Dictionary<int, (string Group, long Ticks)> start) => _start = start;

    public static ProcessCpu Start() => new(Read());

    /// <summary>"api 354 µs, postgres 127 µs, … (184 % of 2 cores)", or null where /proc is missing.</summary>
    public string? PerNotification(long notifications)
    {
        if (_start.Count == 0 || notifications == 0)
        {
            return null;
        }

        var seconds = (DateTime.UtcNow - _startedAt).TotalSeconds;
        var used = Read()
            .GroupBy(process => process.Value.Group)
            .Select(group => (Group: group.Key, Ticks: group.Sum(process => process.Value.Ticks - StartTicks(process.Key))))
            .Where(group => group.Ticks > 0)
            .OrderByDescending(group => group.Ticks)
            .ToList();
        var parts = used.Select(group =>
            $"{group.Group} {(group.Ticks / TicksPerSecond / notifications * 1e6).ToString("F0", CultureInfo.InvariantCulture)} µs");
        var load = used.Sum(group => group.Ticks) / TicksPerSecond / seconds * 100;
        return $"{string.Join(", ", parts)} ({load:F0} % of {Environment.ProcessorCount} cores)";
    }

    private long StartTicks(int pid) => _start.TryGetValue(pid, out var start) ? start.Ticks : 0;

    private static Dictionary<int, (string Group, long Ticks)> Read()
    {
        var processes = new Dictionary<int, (string, long)>();
        if (!Directory.Exists("/proc"))
        {
            return processes;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && TryRead(directory, out var group, out var ticks))
            {
                processes[pid] = (group, ticks);
            }
        }

        return processes;
    }

    private static bool TryRead(string directory, out string group, out long ticks)
    {
        group = "";
        ticks = 0;
        try
        {
            var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
            var match = Groups.FirstOrDefault(candidate => commandLine.Contains(candidate.Marker, StringComparison.Ordinal));
            if (match.Group is null)
            {
                return false;
            }

            // After the command name in parentheses: state is field 3, utime 14 and stime 15.
            var stat = File.ReadAllText(Path.Combine(directory, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            group = match.Group;
            ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
        {
            return false;
        }
    }
}
