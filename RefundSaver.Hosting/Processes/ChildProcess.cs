using System.Diagnostics;

namespace RefundSaver.Hosting.Processes;

/// <summary>A started child process whose output lines go to a resource log.</summary>
internal sealed class ChildProcess
{
    private readonly Process _process;

    private ChildProcess(Process process)
    {
        _process = process;
        Id = process.Id;
        Exit = WaitForExitCodeAsync(process);
    }

    public int Id { get; }

    /// <summary>Completes with the exit code once the process has exited and its output is read.</summary>
    public Task<int> Exit { get; }

    public bool HasExited => Exit.IsCompleted;

    public static ChildProcess Start(ProcessSpec spec, ResourceLog log)
    {
        var startInfo = new ProcessStartInfo(spec.FileName)
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in spec.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in spec.Environment ?? new Dictionary<string, string?>())
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => AppendLine(log, e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => AppendLine(log, e.Data, isError: true);
        log.Append($"> {Describe(spec)}");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(process);
    }

    /// <summary>Runs a short command (initdb, chown) and fails with its last output when it fails.</summary>
    public static async Task RunToCompletionAsync(ProcessSpec spec, ResourceLog log, CancellationToken cancellationToken)
    {
        var child = Start(spec, log);
        await using var registration = cancellationToken.Register(child.KillTree);
        var exitCode = await child.Exit;
        cancellationToken.ThrowIfCancellationRequested();
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{Describe(spec)}' failed with exit code {exitCode}.");
        }
    }

    public void Signal(int signal)
    {
        if (!HasExited)
        {
            NativeMethods.Kill(Id, signal);
        }
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await Exit.WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public void KillTree()
    {
        if (HasExited)
        {
            return;
        }

        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited: nothing to kill.
        }
    }

    /// <summary>The command line as a user would type it; empty arguments shown as "" so they are not lost.</summary>
    private static string Describe(ProcessSpec spec) =>
        string.Join(' ', spec.Arguments.Select(argument => argument.Length == 0 ? "\"\"" : argument).Prepend(spec.FileName));

    private static void AppendLine(ResourceLog log, string? line, bool isError)
    {
        if (line is not null)
        {
            log.Append(line, isError);
        }
    }

    private static async Task<int> WaitForExitCodeAsync(Process process)
    {
        using (process)
        {
            await process.WaitForExitAsync();
            return process.ExitCode;
        }
    }
}
