using System.Diagnostics;
using System.Runtime.Versioning;
using RefundSaver.Hosting.Processes;

namespace RefundSaver.AppHost.Tests;

[UnsupportedOSPlatform("windows")]
public sealed class OrphanGuardTests
{
    private const int SignalTerminate = 15;
    private static readonly TimeSpan ExitWithin = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData("exec sleep 300", SignalTerminate)]
    [InlineData("trap '' TERM; while :; do sleep 0.1; done", 9)] // only SIGKILL, after the grace, ends it
    public async Task Dispose_WhenAWatchedProcessRuns_ShouldEndItWithItsSignalOrAfterTheGrace(string script, int endingSignal)
    {
        using var child = Start(script);
        using var guard = OrphanGuard.TryStart(TimeSpan.FromSeconds(1)).ShouldNotBeNull();
        guard.Watch(child.Id, SignalTerminate);

        guard.Dispose();

        await child.WaitForExitAsync(new CancellationTokenSource(ExitWithin).Token);
        child.ExitCode.ShouldBe(128 + endingSignal);
    }

    [Fact]
    public async Task Watch_WhenTheGuardIsStillOpen_ShouldLeaveTheProcessAlone()
    {
        using var child = Start("exec sleep 300");
        using var guard = OrphanGuard.TryStart(TimeSpan.FromSeconds(1)).ShouldNotBeNull();

        guard.Watch(child.Id, SignalTerminate);

        await Task.Delay(TimeSpan.FromSeconds(1));
        child.HasExited.ShouldBeFalse();
        child.Kill();
    }

    [Fact]
    public async Task WatchAndDispose_WhenTheShellWasKilled_ShouldNotThrow()
    {
        using var guard = OrphanGuard.TryStart(TimeSpan.FromSeconds(1)).ShouldNotBeNull();
        using (var killed = Process.GetProcessById(guard.ShellProcessId))
        {
            killed.Kill();
            await killed.WaitForExitAsync();
        }

        using var child = Start("exec sleep 300");
        Should.NotThrow(() =>
        {
            guard.Watch(child.Id, SignalTerminate);
            guard.Watch(child.Id, SignalTerminate);
            guard.Dispose();
        });
        child.Kill();
    }

    [Fact]
    public async Task AppHost_WhenKilled_ShouldStopEveryChildItStarted()
    {
        using var data = new TemporaryDirectory();
        // Run as root, the AppHost starts PostgreSQL as the postgres user, who must reach its folder.
        File.SetUnixFileMode(data.Path, (UnixFileMode)0b111_101_101);
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RefundSaver.AppHost.dll"));
        startInfo.Environment["AppHost__DataDirectory"] = Path.Combine(data.Path, "data");
        startInfo.Environment["AppHost__DashboardPort"] = "0";
        using var appHost = new Process { StartInfo = startInfo };
        appHost.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.Contains("Running. Press Ctrl+C to stop.", StringComparison.Ordinal) == true)
            {
                running.TrySetResult();
            }
        };
        appHost.ErrorDataReceived += (_, _) => { };
        appHost.Start();
        appHost.BeginOutputReadLine();
        appHost.BeginErrorReadLine();
        List<int> children;
        try
        {
            await running.Task.WaitAsync(TestApplications.Deadline);
            children = [.. ProcessTable.WithDescendants(appHost.Id).Where(id => id != appHost.Id)];
            children.Count.ShouldBeGreaterThan(4, "postgres (with its workers), redis, the simulator and the API should run");
        }
        finally
        {
            appHost.Kill(); // SIGKILL: the AppHost stops nothing itself
        }

        await appHost.WaitForExitAsync();
        var deadline = DateTime.UtcNow + ExitWithin;
        while (children.Any(ProcessTable.IsAlive) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        children.Where(ProcessTable.IsAlive).ShouldBeEmpty();
    }

    private static Process Start(string script)
    {
        var startInfo = new ProcessStartInfo("/bin/bash") { UseShellExecute = false };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(script);
        return Process.Start(startInfo)!;
    }
}
