using System.Runtime.InteropServices;
using RefundSaver.Hosting.Dashboard;
using RefundSaver.Hosting.Output;

namespace RefundSaver.Hosting;

/// <summary>
/// The running system: starts resources in dependency order (independent ones in parallel), prints
/// their logs, serves the dashboard, and stops every child on Ctrl+C, StopAsync or dispose.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly IReadOnlyList<Resource> _dependenciesFirst;
    private readonly bool _ownsDataDirectory;
    private readonly int? _dashboardPort;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _startupNotes;
    private readonly ConsoleLogWriter _console;
    private readonly ResourceContext _context;
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private DashboardServer? _dashboard;
    private volatile bool _stopping;
    private bool _started;
    private bool _disposed;

    internal DistributedApplication(
        IReadOnlyList<Resource> dependenciesFirst,
        string environmentName,
        string dataDirectory,
        bool ownsDataDirectory,
        int? dashboardPort,
        IReadOnlyList<KeyValuePair<string, string>> startupNotes)
    {
        _dependenciesFirst = dependenciesFirst;
        _ownsDataDirectory = ownsDataDirectory;
        _dashboardPort = dashboardPort;
        _startupNotes = startupNotes;
        DataDirectory = dataDirectory;
        _console = new ConsoleLogWriter(dependenciesFirst.Select(resource => resource.Name).ToList());
        _context = new ResourceContext(dataDirectory, environmentName, () => _stopping, ReportProblem);
        foreach (var resource in dependenciesFirst)
        {
            resource.Log.LineAppended += line => _console.WriteResourceLine(resource.Name, line.Text);
        }
    }

    public IReadOnlyList<Resource> Resources => _dependenciesFirst;

    public string DataDirectory { get; }

    /// <summary>Address of the dashboard once started, if it has one.</summary>
    public Uri? DashboardUrl => _dashboard?.Url;

    /// <summary>A builder reading the environment and <paramref name="args"/>, with the AppHost's defaults (dashboard on 18888, data in .data).</summary>
    public static IDistributedApplicationBuilder CreateBuilder(string[] args)
    {
        var configuration = AppHostDefaults.CreateConfiguration(args);
        return new DistributedApplicationBuilder(AppHostDefaults.CreateOptions(args, configuration), configuration);
    }

    /// <summary>A builder with explicit options, as tests use it.</summary>
    public static IDistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options) =>
        new DistributedApplicationBuilder(options, AppHostDefaults.CreateConfiguration(options.Args));

    public Resource GetResource(string name) =>
        _dependenciesFirst.FirstOrDefault(resource => string.Equals(resource.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"There is no resource named '{name}'.", nameof(name));

    public ValueTask<string?> GetConnectionStringAsync(string resourceName, CancellationToken cancellationToken = default) =>
        GetResource(resourceName) is IResourceWithConnectionString withConnectionString
            ? withConnectionString.GetConnectionStringAsync(cancellationToken)
            : throw new ArgumentException($"Resource '{resourceName}' has no connection string.", nameof(resourceName));

    public Uri GetEndpoint(string resourceName) =>
        GetResource(resourceName).Url ?? throw new InvalidOperationException($"Resource '{resourceName}' has no endpoint yet.");

    public HttpClient CreateHttpClient(string resourceName) => new() { BaseAddress = GetEndpoint(resourceName) };

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_started)
            {
                throw new InvalidOperationException("The application is already started.");
            }

            _started = true;
            _stopping = false;
            foreach (var resource in _dependenciesFirst)
            {
                await resource.PrepareAsync(_context, cancellationToken);
            }

            if (_dashboardPort is { } port)
            {
                _dashboard = await DashboardServer.StartAsync(port, _dependenciesFirst, cancellationToken);
            }

            var failures = await StartResourcesAsync(cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            if (failures.Count > 0)
            {
                await StopCoreAsync();
                throw new DistributedApplicationException(
                    "Could not start: " + string.Join(Environment.NewLine, failures.Select(f => $"'{f.Key.Name}': {f.Value.Message}")));
            }

            foreach (var line in StartupSummary.Format(_dependenciesFirst, DashboardUrl, _startupNotes))
            {
                _console.WriteAppHostLine(line);
            }
        }
        catch (OperationCanceledException)
        {
            await StopCoreAsync();
            throw;
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            await StopCoreAsync();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Starts everything and blocks until Ctrl+C or SIGTERM, then stops everything.</summary>
    public void Run() => RunAsync().GetAwaiter().GetResult();

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signals = 0;
        void OnSignal(PosixSignalContext signal)
        {
            // The first signal stops cleanly; a second one is left to terminate the process at once.
            if (Interlocked.Increment(ref signals) == 1)
            {
                signal.Cancel = true;
                _stopping = true;
                _console.WriteAppHostLine("Stopping...");
                _ = shutdown.CancelAsync();
            }
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        try
        {
            await StartAsync(shutdown.Token);
            _console.WriteAppHostLine("Running. Press Ctrl+C to stop.");
            await Task.Delay(Timeout.Infinite, shutdown.Token);
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            // Ctrl+C: fall through to the clean stop.
        }
        catch (DistributedApplicationException exception)
        {
            _console.WriteAppHostLine(exception.Message, isProblem: true);
            Environment.ExitCode = 1;
        }
        finally
        {
            await DisposeAsync();
        }
    }

    public Task StartResourceAsync(string name, CancellationToken cancellationToken = default) =>
        GetResource(name).State == ResourceState.Running ? Task.CompletedTask : GetResource(name).StartAsync(_context, cancellationToken);

    public Task StopResourceAsync(string name, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return GetResource(name).StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            await StopCoreAsync();
            DeleteOwnedDataDirectory();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Starts each resource once all it waits for run; returns the resources that failed, with why.</summary>
    private async Task<IReadOnlyDictionary<Resource, Exception>> StartResourcesAsync(CancellationToken cancellationToken)
    {
        var failures = new System.Collections.Concurrent.ConcurrentDictionary<Resource, Exception>();
        var started = new Dictionary<Resource, Task<bool>>();
        foreach (var resource in _dependenciesFirst)
        {
            var waitsFor = resource.WaitsFor.Select(dependency => started[dependency]).ToArray();
            started[resource] = StartWhenReadyAsync(resource, waitsFor, failures, cancellationToken);
        }

        await Task.WhenAll(started.Values);
        return failures;
    }

    private async Task<bool> StartWhenReadyAsync(
        Resource resource, Task<bool>[] waitsFor, IDictionary<Resource, Exception> failures, CancellationToken cancellationToken)
    {
        if (waitsFor.Length > 0)
        {
            resource.SetState(ResourceState.Waiting);
            if ((await Task.WhenAll(waitsFor)).Contains(false))
            {
                resource.SetState(ResourceState.NotStarted);
                resource.Log.Append("Not started: a resource it waits for did not start.", isError: true);
                return false;
            }
        }

        try
        {
            await resource.StartAsync(_context, cancellationToken);
            return true;
        }
        catch (Exception exception)
        {
            failures[resource] = exception;
            return false;
        }
    }

    /// <summary>Stops each resource after everything that depends on it, independent ones in parallel.</summary>
    private async Task StopCoreAsync()
    {
        _stopping = true;
        var stopped = new Dictionary<Resource, Task>();
        foreach (var resource in _dependenciesFirst.Reverse())
        {
            var dependentsStopped = ResourceGraph.Dependents(resource, _dependenciesFirst).Select(dependent => stopped[dependent]).ToArray();
            stopped[resource] = StopAfterAsync(resource, dependentsStopped);
        }

        await Task.WhenAll(stopped.Values);
        if (_dashboard is not null)
        {
            await _dashboard.DisposeAsync();
            _dashboard = null;
        }

        _started = false;
    }

    private async Task StopAfterAsync(Resource resource, Task[] dependentsStopped)
    {
        await Task.WhenAll(dependentsStopped);
        try
        {
            await resource.StopAsync();
        }
        catch (Exception exception)
        {
            ReportProblem(resource, $"stopping failed: {exception.Message}");
        }
    }

    private void ReportProblem(Resource resource, string message) =>
        _console.WriteAppHostLine($"{resource.Name}: {message}", isProblem: true);

    private void DeleteOwnedDataDirectory()
    {
        if (!_ownsDataDirectory)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException exception)
        {
            _console.WriteAppHostLine($"Could not delete {DataDirectory}: {exception.Message}", isProblem: true);
        }
    }
}
