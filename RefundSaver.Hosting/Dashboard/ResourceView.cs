namespace RefundSaver.Hosting.Dashboard;

/// <summary>What the dashboard shows of a resource (never its environment, which holds secrets).</summary>
internal sealed record ResourceView(string Name, string Type, string State, string? Url, bool IsExternal, int? ProcessId)
{
    public static ResourceView From(Resource resource) => new(
        resource.Name,
        resource.ResourceType,
        resource.State.ToString(),
        resource.Url?.ToString(),
        resource.IsExternal,
        resource.ProcessId);
}
