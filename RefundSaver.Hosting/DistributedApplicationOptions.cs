namespace RefundSaver.Hosting;

public sealed class DistributedApplicationOptions
{
    /// <summary>Command-line arguments, read into configuration after the environment variables.</summary>
    public string[] Args { get; init; } = [];

    /// <summary>Where local servers keep their data; null means a fresh temp directory deleted on dispose.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Port of the dashboard on 127.0.0.1: null means no dashboard, 0 any free port.</summary>
    public int? DashboardPort { get; init; }

    /// <summary>Environment given to projects as ASPNETCORE_ENVIRONMENT; null reads DOTNET_ENVIRONMENT/ASPNETCORE_ENVIRONMENT, else Development.</summary>
    public string? EnvironmentName { get; init; }
}
