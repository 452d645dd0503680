using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace RefundSaver.Hosting;

public sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    private readonly DistributedApplicationOptions _options;
    private readonly bool _ownsDataDirectory;
    private readonly List<Resource> _resources = [];
    private readonly List<KeyValuePair<string, string>> _startupNotes = [];

    internal DistributedApplicationBuilder(DistributedApplicationOptions options, ConfigurationManager configuration)
    {
        _options = options;
        Configuration = configuration;
        var environmentName = options.EnvironmentName
            ?? configuration["DOTNET_ENVIRONMENT"]
            ?? configuration["ASPNETCORE_ENVIRONMENT"]
            ?? Environments.Development;
        Environment = new AppHostEnvironment(environmentName, "RefundSaver.AppHost", AppContext.BaseDirectory);

        _ownsDataDirectory = options.DataDirectory is null;
        DataDirectory = options.DataDirectory is { } given
            ? Directory.CreateDirectory(Path.GetFullPath(given)).FullName
            : Directory.CreateTempSubdirectory("refundsaver-apphost-").FullName;
    }

    public ConfigurationManager Configuration { get; }

    public IHostEnvironment Environment { get; }

    public string DataDirectory { get; }

    public IReadOnlyList<IResource> Resources => _resources;

    public IResourceBuilder<T> AddResource<T>(T resource)
        where T : IResource
    {
        if (resource is not Resource known)
        {
            throw new ArgumentException($"'{resource.Name}' is not a resource type of this AppHost.", nameof(resource));
        }

        if (_resources.Any(existing => string.Equals(existing.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"A resource named '{resource.Name}' already exists.");
        }

        _resources.Add(known);
        return new ResourceBuilder<T>(this, resource);
    }

    public void AddStartupNote(string label, string value) => _startupNotes.Add(new(label, value));

    public DistributedApplication Build()
    {
        return new DistributedApplication(
            ResourceGraph.DependenciesFirst(_resources), Environment.EnvironmentName, DataDirectory, _ownsDataDirectory, _options.DashboardPort, _startupNotes);
    }
}
