namespace RefundSaver.AppHost.Tests;

/// <summary>Reads /proc to find a process and its descendants (runuser → postgres → its workers).</summary>
internal static class ProcessTable
{
    public static IReadOnlyList<int> WithDescendants(int processId)
    {
        var parents = Directory.GetDirectories("/proc")
            .Select(directory => int.TryParse(Path.GetFileName(directory), out var id) ? id : 0)
            .Where(id => id > 0)
            .Select(id => (Id: id, Parent: ReadParent(id)))
            .Where(entry => entry.Parent is not null)
            .ToList();
        var family = new List<int> { processId };
        for (var index = 0; index < family.Count; index++)
        {
            family.AddRange(parents.Where(entry => entry.Parent == family[index]).Select(entry => entry.Id));
        }

        return family;
    }

    /// <summary>Alive means present and not a zombie waiting to be reaped.</summary>
    public static bool IsAlive(int processId) => ReadStat(processId) is { } stat && stat.State != 'Z';

    private static int? ReadParent(int processId) => ReadStat(processId)?.Parent;

    private static (char State, int Parent)? ReadStat(int processId)
    {
        try
        {
            // The command name is in parentheses and may contain spaces: parse after the last ')'.
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (fields[0][0], int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null;
        }
    }
}
