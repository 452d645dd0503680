namespace RefundSaver.Infrastructure.Dispatching;

/// <summary>The PostgreSQL channel that wakes dispatchers when a request becomes due.</summary>
internal static class DueRequestsChannel
{
    public const string Channel = "consumption_requests_due";

    public const string Notify = "NOTIFY " + Channel;

    public const string Listen = "LISTEN " + Channel;
}
