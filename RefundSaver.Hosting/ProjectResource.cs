using System.Net;
using RefundSaver.Hosting.Processes;

namespace RefundSaver.Hosting;

/// <summary>
/// A .NET web project on 127.0.0.1 and a free port, healthy once <c>GET /health</c> answers 200.
/// Its content root is the project folder, as under <c>dotnet run</c>.
/// </summary>
public sealed class ProjectResource(string name, string projectPath)
    : ProcessResource(name), IResourceWithEnvironment, IResourceWithServiceDiscovery
{
    private static readonly HttpClient HealthClient = new() { Timeout = TimeSpan.FromSeconds(5) };

    private int _port;

    public override string ResourceType => "Project";

    public string ProjectPath { get; } = Path.GetFullPath(projectPath);

    public string HealthPath { get; set; } = "/health";

    public ResourceEnvironment Environment { get; } = new();

    public override Uri? Url => _port == 0 ? null : new Uri($"http://127.0.0.1:{_port}");

    internal override Task PrepareAsync(ResourceContext context, CancellationToken cancellationToken)
    {
        _port = FreePort.Find();
        return Task.CompletedTask;
    }

    private protected override async Task<ProcessSpec> CreateProcessSpecAsync(ResourceContext context, CancellationToken cancellationToken)
    {
        if (!File.Exists(ProjectPath))
        {
            throw new FileNotFoundException($"The project file of '{Name}' does not exist: {ProjectPath}");
        }

        var projectDirectory = Path.GetDirectoryName(ProjectPath)!;
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = Url!.ToString().TrimEnd('/'),
            ["ASPNETCORE_ENVIRONMENT"] = context.EnvironmentName,
            ["ASPNETCORE_CONTENTROOT"] = projectDirectory,
            ["OTEL_SERVICE_NAME"] = Name,
        };

        // References and WithEnvironment values come last, so they may override the defaults above.
        foreach (var (variable, value) in await Environment.ResolveAsync(cancellationToken))
        {
            environment[variable] = value;
        }

        string[] arguments = BuiltProject.FindAssembly(ProjectPath) is { } assembly
            ? [assembly]
            : ["run", "--project", ProjectPath, "--configuration", BuiltProject.Configuration, "--no-launch-profile"];
        return new ProcessSpec(BuiltProject.DotnetHost, arguments, projectDirectory, environment);
    }

    private protected override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        using var response = await HealthClient.GetAsync(new Uri(Url!, HealthPath), cancellationToken);
        return response.StatusCode == HttpStatusCode.OK;
    }
}
