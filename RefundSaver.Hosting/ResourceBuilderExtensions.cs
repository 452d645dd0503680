namespace RefundSaver.Hosting;

public static class ResourceBuilderExtensions
{
    /// <summary>Passes the source's connection string as <c>ConnectionStrings__&lt;source name&gt;</c>.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithConnectionString> source)
        where T : IResourceWithEnvironment =>
        builder.AddReference(source.Resource);

    /// <summary>Passes the source's URL as <c>services__&lt;source name&gt;__http__0</c> (.NET service discovery's key).</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithServiceDiscovery> source)
        where T : IResourceWithEnvironment =>
        builder.AddReference(source.Resource);

    /// <summary>Starts this resource only once <paramref name="dependency"/> is running and healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : IResource
    {
        AsResource(builder.Resource).WaitsFor.Add(AsResource(dependency.Resource));
        return builder;
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string? value)
        where T : IResourceWithEnvironment
    {
        builder.Resource.Environment.Set(name, value);
        return builder;
    }

    /// <summary>A value computed when the process starts, after the resources it waits for are running.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, Func<CancellationToken, Task<string?>> value)
        where T : IResourceWithEnvironment
    {
        builder.Resource.Environment.Set(name, value);
        return builder;
    }

    private static IResourceBuilder<T> AddReference<T>(this IResourceBuilder<T> builder, IResource source)
        where T : IResourceWithEnvironment
    {
        builder.Resource.Environment.AddReference(source);
        AsResource(builder.Resource).References.Add(AsResource(source));
        return builder;
    }

    private static Resource AsResource(IResource resource) =>
        resource as Resource ?? throw new ArgumentException($"'{resource.Name}' is not a resource of this AppHost.", nameof(resource));
}
