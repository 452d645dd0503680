using RefundSaver.Hosting.Processes;

namespace RefundSaver.Hosting;

/// <summary>
/// A resource backed by one child process: starts it, waits until it is healthy, watches for an
/// unexpected exit, and stops it with a signal before killing it after a timeout.
/// </summary>
public abstract class ProcessResource : Resource
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan HealthPollInterval = TimeSpan.FromMilliseconds(100);
    private const int LogLinesInErrors = 20;

    private ChildProcess? _process;
    private volatile bool _stopRequested;

    private protected ProcessResource(string name)
        : base(name)
    {
    }

    public override int? ProcessId => _process is { HasExited: false } process ? process.Id : null;

    /// <summary>How long the process may take to become healthy before the start fails.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(60);

    private protected abstract Task<ProcessSpec> CreateProcessSpecAsync(ResourceContext context, CancellationToken cancellationToken);

    /// <summary>One health probe: true when the process serves requests.</summary>
    private protected abstract Task<bool> IsHealthyAsync(CancellationToken cancellationToken);

    /// <summary>Asks the process to shut down cleanly; SIGTERM unless the program wants something else.</summary>
    private protected virtual void RequestStop(ChildProcess process) => process.Signal(NativeMethods.SignalTerminate);

    /// <summary>What to signal, and with which signal, should the AppHost die without stopping the process.</summary>
    private protected virtual (int ProcessId, int Signal) OrphanStop(ChildProcess process) => (process.Id, NativeMethods.SignalTerminate);

    private protected sealed override async Task StartCoreAsync(ResourceContext context, CancellationToken cancellationToken)
    {
        var spec = await CreateProcessSpecAsync(context, cancellationToken);
        _stopRequested = false;
        var process = ChildProcess.Start(spec, Log);
        _process = process;
        await WaitUntilHealthyAsync(process, cancellationToken);
        var (orphanId, orphanSignal) = OrphanStop(process);
        OrphanGuard.Shared?.Watch(orphanId, orphanSignal);
        _ = WatchForUnexpectedExitAsync(process, context);
    }

    private protected sealed override async Task StopCoreAsync()
    {
        _stopRequested = true;
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        RequestStop(process);
        if (!await process.WaitForExitAsync(StopTimeout))
        {
            Log.Append($"Did not stop within {StopTimeout.TotalSeconds:0}s; killing it.", isError: true);
            process.KillTree();
            await process.WaitForExitAsync(StopTimeout);
        }
    }

    private protected string DescribeLastLogLines() =>
        string.Join(Environment.NewLine, Log.Tail(LogLinesInErrors).Select(line => "    " + line.Text));

    private async Task WaitUntilHealthyAsync(ChildProcess process, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartupTimeout);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"'{Name}' exited with code {await process.Exit} while starting. Last log lines:{Environment.NewLine}{DescribeLastLogLines()}");
            }

            try
            {
                if (await ProbeAsync(timeout.Token))
                {
                    return;
                }

                await Task.Delay(HealthPollInterval, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"'{Name}' was not healthy within {StartupTimeout.TotalSeconds:0}s. Last log lines:{Environment.NewLine}{DescribeLastLogLines()}");
            }
        }
    }

    /// <summary>A probe that throws (refused connection, probe timeout) just means "not yet".</summary>
    private async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await IsHealthyAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task WatchForUnexpectedExitAsync(ChildProcess process, ResourceContext context)
    {
        var exitCode = await process.Exit;
        // During a shutdown (Ctrl+C reaches the children too) an exit is expected, not a failure.
        if (_stopRequested || context.IsStopping() || !ReferenceEquals(process, _process))
        {
            return;
        }

        SetState(exitCode == 0 ? ResourceState.Exited : ResourceState.Failed);
        var message = $"'{Name}' exited unexpectedly with code {exitCode}.";
        Log.Append(message, isError: true);
        context.ReportProblem(this, message);
    }
}
