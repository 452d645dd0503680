namespace RefundSaver.AppHost.Servers;

/// <summary>
/// Debian keeps initdb and postgres off the PATH, under /usr/lib/postgresql/&lt;version&gt;/bin: the
/// newest installed version wins, else the folder of a <c>postgres</c> on the PATH.
/// </summary>
internal static class PostgresBinaries
{
    private const string DebianRoot = "/usr/lib/postgresql";

    public static string? FindDirectory()
    {
        var debian = Directory.Exists(DebianRoot)
            ? Directory.GetDirectories(DebianRoot)
                .Select(versionDirectory => (Version: ParseVersion(Path.GetFileName(versionDirectory)), Bin: Path.Combine(versionDirectory, "bin")))
                .Where(candidate => File.Exists(Path.Combine(candidate.Bin, "postgres")))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Bin)
                .FirstOrDefault()
            : null;
        return debian ?? (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(directory => File.Exists(Path.Combine(directory, "postgres")) && File.Exists(Path.Combine(directory, "initdb")));
    }

    private static double ParseVersion(string text) =>
        double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var version) ? version : 0;
}
