namespace RefundSaver.Hosting;

public enum ResourceState
{
    NotStarted,
    Waiting,
    Starting,

    /// <summary>Started and its health check passed (or it is external).</summary>
    Running,
    Stopping,
    Stopped,

    /// <summary>Exited by itself with code 0 while it was expected to keep running.</summary>
    Exited,
    Failed,
}
