using System.Diagnostics;

namespace RefundSaver.Infrastructure.Telemetry;

/// <summary>
/// The spans of work that runs apart from a request (the batch writers, the dispatcher), so that the
/// database commands and calls to Apple it makes appear in a trace of their own, or in the request's.
/// </summary>
internal static class InfrastructureActivities
{
    public static ActivitySource Persistence { get; } = new("RefundSaver.Persistence");

    public static ActivitySource Dispatcher { get; } = new("RefundSaver.Dispatcher");
}
