namespace RefundSaver.Hosting;

internal static class ResourceGraph
{
    /// <summary>
    /// Every resource after all the resources it depends on. A cycle of WaitFor/WithReference would
    /// make start (or stop) wait forever, so it is refused here, when the application is built.
    /// </summary>
    public static IReadOnlyList<Resource> DependenciesFirst(IReadOnlyList<Resource> resources)
    {
        var ordered = new List<Resource>();
        var onPath = new HashSet<Resource>();
        foreach (var resource in resources)
        {
            Visit(resource, ordered, onPath);
        }

        return ordered;
    }

    /// <summary>Resources that depend on <paramref name="resource"/>: they must stop before it.</summary>
    public static IEnumerable<Resource> Dependents(Resource resource, IReadOnlyList<Resource> resources) =>
        resources.Where(candidate => candidate.Dependencies.Contains(resource));

    private static void Visit(Resource resource, List<Resource> ordered, HashSet<Resource> onPath)
    {
        if (ordered.Contains(resource))
        {
            return;
        }

        if (!onPath.Add(resource))
        {
            throw new InvalidOperationException($"Resource '{resource.Name}' depends on itself through WaitFor/WithReference.");
        }

        foreach (var dependency in resource.Dependencies)
        {
            Visit(dependency, ordered, onPath);
        }

        onPath.Remove(resource);
        ordered.Add(resource);
    }
}
