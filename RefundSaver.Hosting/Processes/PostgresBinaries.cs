namespace RefundSaver.Hosting.Processes;

/// <summary>
/// Debian keeps initdb and postgres off the PATH, under /usr/lib/postgresql/&lt;version&gt;/bin;
/// the newest installed version wins, else the PATH is used.
/// </summary>
internal static class PostgresBinaries
{
    private const string DebianRoot = "/usr/lib/postgresql";

    public static string? FindDirectory()
    {
        if (!Directory.Exists(DebianRoot))
        {
            return null;
        }

        return Directory.GetDirectories(DebianRoot)
            .Select(versionDirectory => (Version: ParseVersion(Path.GetFileName(versionDirectory)), Bin: Path.Combine(versionDirectory, "bin")))
            .Where(candidate => File.Exists(Path.Combine(candidate.Bin, "postgres")))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Bin)
            .FirstOrDefault();
    }

    private static double ParseVersion(string text) =>
        double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var version) ? version : 0;
}
