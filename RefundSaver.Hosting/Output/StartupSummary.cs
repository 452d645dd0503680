namespace RefundSaver.Hosting.Output;

/// <summary>The table printed once everything runs: what is up, where, and how to reach the dashboard.</summary>
internal static class StartupSummary
{
    public static IEnumerable<string> Format(IReadOnlyList<Resource> resources, Uri? dashboardUrl, IReadOnlyList<KeyValuePair<string, string>> notes)
    {
        string[] header = ["NAME", "TYPE", "STATE", "URL"];
        var rows = resources
            .Select(resource => new[]
            {
                resource.Name,
                resource.IsExternal ? resource.ResourceType + " (external)" : resource.ResourceType,
                resource.State.ToString(),
                resource.Url?.ToString() ?? "",
            })
            .Prepend(header)
            .ToList();
        var widths = Enumerable.Range(0, header.Length).Select(column => rows.Max(row => row[column].Length)).ToArray();

        foreach (var row in rows)
        {
            yield return "  " + string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd();
        }

        if (dashboardUrl is not null)
        {
            yield return $"Dashboard: {dashboardUrl}";
        }

        foreach (var (label, value) in notes)
        {
            yield return $"{label}: {value}";
        }
    }
}
