using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using RefundSaver.AppHost;
using RefundSaver.TestSupport.Aspire;

namespace RefundSaver.AppHost.Tests.Infrastructure;

/// <summary>
/// The real AppHost (its Program.cs, through Aspire.Hosting.Testing) started on a data directory of
/// the test's, on free ports, with every resource's console output kept for the test to read.
/// </summary>
public sealed class RunningAppHost : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private readonly CancellationTokenSource _watching = new();
    private readonly ConcurrentQueue<ResourceLogLine> _logs = new();
    private readonly List<Task> _watchers = [];
    private bool _stopped;

    private RunningAppHost(DistributedApplication application, string dataDirectory)
    {
        Application = application;
        DataDirectory = dataDirectory;
    }

    public DistributedApplication Application { get; }

    public string DataDirectory { get; }

    public string AdminToken => File.ReadAllText(Path.Combine(DataDirectory, StoredSecrets.AdminTokenFile)).Trim();

    /// <summary>Every line a resource printed so far, in arrival order per resource.</summary>
    public IReadOnlyList<ResourceLogLine> Logs => [.. _logs];

    public static Task<RunningAppHost> StartAsync(string dataDirectory, params string[] settings) =>
        StartAsync(dataDirectory, _ => { }, settings);

    /// <summary>Starts it with the model changed by <paramref name="configure"/> first (a test's own settings for a resource).</summary>
    public static async Task<RunningAppHost> StartAsync(
        string dataDirectory, Action<IDistributedApplicationTestingBuilder> configure, params string[] settings)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.RefundSaver_AppHost>(
            [$"AppHost:DataDirectory={dataDirectory}", "AppHost:FixedPorts=false", .. settings]);
        configure(builder);
        var application = await builder.BuildAsync();
        var running = new RunningAppHost(application, dataDirectory);
        try
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            await application.StartAsync(timeout.Token);
            // Only once started: a resource's log is kept under the names the orchestrator gives its
            // instances, and it sends each log from its first line when someone starts watching.
            running.WatchLogs();
            await application.ResourceNotifications.WaitForResourceHealthyAsync("api", timeout.Token);
            return running;
        }
        catch
        {
            await running.DisposeAsync();
            throw;
        }
    }

    public HttpClient CreateApiClient()
    {
        var client = Application.CreateHttpClient("api");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        return client;
    }

    public HttpClient CreateSimulatorClient() => Application.CreateHttpClient("appstore");

    /// <summary>Stops every resource the way Ctrl+C does, and waits until the watchers have read their last lines.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await Application.StopAsync();
        _watching.CancelAfter(TimeSpan.FromSeconds(2));
        await Task.WhenAll(_watchers);
    }

    /// <summary>Stops it, and fails if anything it printed holds a secret (<see cref="LogSweep"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Application.DisposeAsync();
        _watching.Dispose();
        LogSweep.Leaks(Logs, DataDirectory).ShouldBeEmpty($"The AppHost's output ({Logs.Count} lines) must hold no secret.");
    }

    private void WatchLogs() => _watchers.AddRange(ResourceLogs.Watch(Application, _logs.Enqueue, _watching.Token));
}
