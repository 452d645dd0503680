namespace RefundSaver.Hosting.Processes;

/// <summary>
/// initdb and postgres refuse to run as root (and CI runs as root): then they run as the
/// <c>postgres</c> system user through runuser, on files that user owns.
/// </summary>
internal static class SystemUser
{
    public const string Postgres = "postgres";

    public static bool IsRoot { get; } = NativeMethods.GetEffectiveUserId() == 0;

    public static ProcessSpec RunAs(string user, ProcessSpec spec) =>
        spec with { FileName = "runuser", Arguments = ["-u", user, "--", spec.FileName, .. spec.Arguments] };

    public static async Task GiveOwnershipAsync(string directory, string user, ResourceLog log, CancellationToken cancellationToken)
    {
        var chown = new ProcessSpec("chown", ["-R", $"{user}:{user}", directory], directory);
        await ChildProcess.RunToCompletionAsync(chown, log, cancellationToken);
    }

    /// <summary>The postgres user must be able to walk down to its folder; say so clearly when it cannot.</summary>
    public static void EnsureReachableByOthers(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            if (!current.UnixFileMode.HasFlag(UnixFileMode.OtherExecute))
            {
                throw new InvalidOperationException(
                    $"User '{Postgres}' cannot reach '{directory}' because '{current.FullName}' is not searchable by others; " +
                    "choose another data directory (configuration AppHost:DataDirectory).");
            }
        }
    }
}
