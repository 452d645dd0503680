namespace RefundSaver.Hosting;

/// <summary>
/// Base of every resource: name, state, URL and log, plus the start/stop hooks the application drives.
/// Only this assembly derives from it, so the hooks stay internal.
/// </summary>
public abstract class Resource : IResource
{
    private volatile ResourceState _state = ResourceState.NotStarted;

    private protected Resource(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public string Name { get; }

    /// <summary>Short kind shown in the summary and dashboard, e.g. "Postgres".</summary>
    public abstract string ResourceType { get; }

    public ResourceState State => _state;

    /// <summary>Where the resource listens, once its port is chosen.</summary>
    public virtual Uri? Url => null;

    /// <summary>True when a configured connection string replaces the local server.</summary>
    public virtual bool IsExternal => false;

    /// <summary>Id of the process the AppHost started for this resource, while it runs.</summary>
    public virtual int? ProcessId => null;

    public ResourceLog Log { get; } = new(TimeProvider.System);

    /// <summary>Resources that must be running before this one starts.</summary>
    internal HashSet<Resource> WaitsFor { get; } = [];

    /// <summary>Resources this one talks to: it is stopped before them.</summary>
    internal HashSet<Resource> References { get; } = [];

    internal IEnumerable<Resource> Dependencies => WaitsFor.Union(References);

    /// <summary>Chooses ports and secrets before anything starts, so references resolve in any order.</summary>
    internal virtual Task PrepareAsync(ResourceContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    internal async Task StartAsync(ResourceContext context, CancellationToken cancellationToken)
    {
        SetState(ResourceState.Starting);
        try
        {
            if (!IsExternal)
            {
                await StartCoreAsync(context, cancellationToken);
            }

            SetState(ResourceState.Running);
        }
        catch (Exception exception)
        {
            Log.Append($"Start failed: {exception.Message}", isError: true);
            await StopCoreAsync();
            SetState(ResourceState.Failed);
            throw;
        }
    }

    internal async Task StopAsync()
    {
        if (State is ResourceState.NotStarted or ResourceState.Stopped)
        {
            return;
        }

        var stateBeforeStop = State;
        SetState(ResourceState.Stopping);
        await StopCoreAsync();

        // A resource that had already failed stays failed, so the cause stays visible.
        SetState(stateBeforeStop is ResourceState.Failed or ResourceState.Exited ? stateBeforeStop : ResourceState.Stopped);
    }

    internal void SetState(ResourceState state) => _state = state;

    private protected abstract Task StartCoreAsync(ResourceContext context, CancellationToken cancellationToken);

    private protected abstract Task StopCoreAsync();
}
