using System.Diagnostics;
using System.Globalization;

namespace RefundSaver.Hosting.Processes;

/// <summary>
/// Stops the children of this process when it dies without stopping them (SIGKILL, a crash). A
/// small shell beside it reads one line per child from a pipe whose writing end only this process
/// holds; when the pipe closes it signals each child still alive, and kills what is left after a
/// grace period. A child is known by its id and start time, so a reused process id is never hit.
/// After a clean shutdown the children are gone, and the shell finds nothing to do.
/// </summary>
internal sealed class OrphanGuard : IDisposable
{
    // Ctrl+C and a closed terminal signal the whole process group: the shell ignores them and
    // waits for its pipe to close, so a clean shutdown is never cut short.
    private const string Script = """
        trap '' INT HUP TERM
        exec > /dev/null 2>&1
        grace=$1
        children=()
        while read -r id start signal; do children+=("$id $start $signal"); done
        alive() {
          local stat fields
          stat=$(< "/proc/$1/stat") || return 1
          read -r -a fields <<< "${stat##*) }"
          [ "${fields[19]}" = "$2" ] && [ "${fields[0]}" != Z ]
        }
        for child in "${children[@]}"; do set -- $child; alive "$1" "$2" && kill "-$3" "$1"; done
        for _ in $(seq $((grace * 10))); do
          left=0
          for child in "${children[@]}"; do set -- $child; alive "$1" "$2" && left=1; done
          [ "$left" = 0 ] && exit 0
          sleep 0.1
        done
        for child in "${children[@]}"; do set -- $child; alive "$1" "$2" && kill -KILL "$1"; done
        """;

    private static readonly Lazy<OrphanGuard?> SharedGuard = new(() => TryStart(TimeSpan.FromSeconds(10)));

    private readonly Process _shell;
    private readonly Lock _gate = new();
    private bool _disposed;

    private OrphanGuard(Process shell) => _shell = shell;

    internal int ShellProcessId => _shell.Id;

    /// <summary>The guard of this process; null where no shell can be started (the children are then not guarded).</summary>
    public static OrphanGuard? Shared => SharedGuard.Value;

    /// <param name="grace">How long the children have to stop after their signal before they are killed.</param>
    public static OrphanGuard? TryStart(TimeSpan grace)
    {
        var startInfo = new ProcessStartInfo("/bin/bash") { RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-c", Script, "orphan-guard", ((int)Math.Ceiling(grace.TotalSeconds)).ToString(CultureInfo.InvariantCulture) })
        {
            startInfo.ArgumentList.Add(argument);
        }

        try
        {
            return new OrphanGuard(Process.Start(startInfo)!);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>Has <paramref name="signal"/> sent to the process if this process dies first; best effort.</summary>
    public void Watch(int processId, int signal)
    {
        if (StartTime(processId) is not { } startTime)
        {
            return; // already gone
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                _shell.StandardInput.WriteLine($"{processId} {startTime} {signal}");
                _shell.StandardInput.Flush();
            }
            catch (IOException)
            {
                // The shell is gone (killed from outside): the child runs unguarded, as without a shell.
            }
        }
    }

    /// <summary>Closes the pipe, as this process's death would.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            try
            {
                _shell.StandardInput.Close();
            }
            catch (IOException)
            {
                // The shell is gone already; closing the pipe still released it.
            }

            _shell.Dispose();
        }
    }

    /// <summary>Field 22 of /proc/[pid]/stat, counted after the command name, which may hold spaces.</summary>
    private static string? StartTime(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19];
        }
        catch (IOException)
        {
            return null;
        }
    }
}
