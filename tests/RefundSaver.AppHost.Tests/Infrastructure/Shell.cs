using System.Diagnostics;

namespace RefundSaver.AppHost.Tests.Infrastructure;

/// <summary>Runs bash scripts at the repository's root, as a user following README would.</summary>
public static class Shell
{
    /// <summary>The repository's root: the AppHost project's folder's parent.</summary>
    public static string RepositoryRoot { get; } = Path.GetDirectoryName(Projects.RefundSaver_AppHost.ProjectPath.TrimEnd('/'))!;

    public static async Task<(int ExitCode, string Output)> RunAsync(string script, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("bash", ["-euo", "pipefail", "-c", script])
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The script ran longer than {timeout}: {await output}{await errors}");
        }

        return (process.ExitCode, await output + await errors);
    }
}
