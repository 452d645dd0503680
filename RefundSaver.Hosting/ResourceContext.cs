namespace RefundSaver.Hosting;

/// <summary>What a resource needs from its application while it starts and runs.</summary>
internal sealed record ResourceContext(
    string DataDirectory,
    string EnvironmentName,
    Func<bool> IsStopping,
    Action<Resource, string> ReportProblem);
