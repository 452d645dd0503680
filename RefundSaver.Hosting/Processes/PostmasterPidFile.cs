namespace RefundSaver.Hosting.Processes;

/// <summary>
/// postmaster.pid names the server process. As root our child is runuser, not postgres, so the
/// shutdown signal goes to the pid in this file; it also reveals a server left behind by a crash.
/// </summary>
internal static class PostmasterPidFile
{
    public static int? ReadLiveServerProcessId(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "postmaster.pid");
        try
        {
            var firstLine = File.ReadLines(path).FirstOrDefault();
            return int.TryParse(firstLine, out var processId) && IsPostgres(processId) ? processId : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool IsPostgres(int processId)
    {
        try
        {
            return File.ReadAllText($"/proc/{processId}/comm").Trim().StartsWith("postgres", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
