namespace RefundSaver.Hosting;

/// <summary>
/// Environment variables of a resource's process: fixed values plus references, which are resolved
/// only when the process starts because ports and passwords are known only then.
/// </summary>
public sealed class ResourceEnvironment
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<CancellationToken, Task<string?>>> _deferred = new(StringComparer.Ordinal);
    private readonly List<IResource> _references = [];

    public void Set(string name, string? value)
    {
        _deferred.Remove(name);
        _values[name] = value;
    }

    /// <summary>A value known only once the resources it comes from run (a URL, a file another resource wrote).</summary>
    public void Set(string name, Func<CancellationToken, Task<string?>> value)
    {
        _values.Remove(name);
        _deferred[name] = value;
    }

    public void AddReference(IResource resource)
    {
        if (!_references.Contains(resource))
        {
            _references.Add(resource);
        }
    }

    internal async Task<IReadOnlyDictionary<string, string?>> ResolveAsync(CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var reference in _references)
        {
            switch (reference)
            {
                case IResourceWithConnectionString withConnectionString:
                    resolved[$"ConnectionStrings__{reference.Name}"] =
                        await withConnectionString.GetConnectionStringAsync(cancellationToken);
                    break;
                case IResourceWithServiceDiscovery { Url: { } url }:
                    resolved[$"services__{reference.Name}__http__0"] = url.ToString().TrimEnd('/');
                    break;
            }
        }

        // Explicit values win over references, so a test can always override one.
        foreach (var (name, value) in _values)
        {
            resolved[name] = value;
        }

        foreach (var (name, value) in _deferred)
        {
            resolved[name] = await value(cancellationToken);
        }

        return resolved;
    }
}
