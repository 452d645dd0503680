using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace RefundSaver.IntegrationTests.Infrastructure;

/// <summary>
/// The RefundSaver.Api process of an application's <c>api</c> project resource. The orchestrator
/// starts a project through <c>dotnet run</c>, whose process id it reports; the Api is that
/// process's child, found through /proc.
/// </summary>
public static class ApiProcess
{
    // A process's comm is its file name, cut to 15 characters.
    private const string ProcessName = "RefundSaver.Api";

    // The snapshot property that carries an executable resource's process id (the dashboard's "executable.pid").
    private const string PidProperty = "executable.pid";

    public static Process Of(DistributedApplication application, string resourceName = "api")
    {
        if (!application.ResourceNotifications.TryGetCurrentState(resourceName, out var resource)
            || resource.Snapshot.Properties.FirstOrDefault(property => property.Name == PidProperty)?.Value is not int launcher)
        {
            throw new InvalidOperationException($"'{resourceName}' has no running process.");
        }

        var api = Descendants(launcher).Prepend(launcher).Where(pid => Comm(pid) == ProcessName).Select(pid => (int?)pid).FirstOrDefault()
            ?? throw new InvalidOperationException($"No {ProcessName} process under {launcher}.");
        return Process.GetProcessById(api);
    }

    private static IEnumerable<int> Descendants(int pid)
    {
        foreach (var child in Children(pid))
        {
            yield return child;
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }

    private static IEnumerable<int> Children(int pid) =>
        Directory.Exists($"/proc/{pid}/task")
            ? Directory.GetDirectories($"/proc/{pid}/task")
                .Select(task => Path.Combine(task, "children"))
                .Where(File.Exists)
                .SelectMany(file => File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select(int.Parse)
            : [];

    private static string? Comm(int pid) =>
        File.Exists($"/proc/{pid}/comm") ? File.ReadAllText($"/proc/{pid}/comm").Trim() : null;
}
