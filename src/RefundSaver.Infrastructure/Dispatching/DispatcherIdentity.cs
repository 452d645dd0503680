namespace RefundSaver.Infrastructure.Dispatching;

/// <summary>This process's dispatcher as the queue knows it: the owner of its leases and of its heartbeat row.</summary>
internal sealed class DispatcherIdentity
{
    public string Owner { get; } =
        $"{Environment.MachineName[..Math.Min(40, Environment.MachineName.Length)]}/{Environment.ProcessId}/{Guid.NewGuid():N}";
}
