using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace RefundSaver.Hosting;

/// <summary>Collects the resources of a distributed application before it runs (Aspire's shape).</summary>
public interface IDistributedApplicationBuilder
{
    ConfigurationManager Configuration { get; }

    IHostEnvironment Environment { get; }

    /// <summary>Where local servers keep their data (our addition: Aspire uses container volumes).</summary>
    string DataDirectory { get; }

    IReadOnlyList<IResource> Resources { get; }

    IResourceBuilder<T> AddResource<T>(T resource)
        where T : IResource;

    /// <summary>Adds a line to the console summary printed once everything runs.</summary>
    void AddStartupNote(string label, string value);

    DistributedApplication Build();
}
