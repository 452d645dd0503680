using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace RefundSaver.Hosting;

/// <summary>Defaults of a real AppHost run (<see cref="DistributedApplication.CreateBuilder(string[])"/>), read from configuration.</summary>
internal static class AppHostDefaults
{
    public const int DashboardPort = 18888;

    /// <summary>Assembly metadata the AppHost project sets to its own folder (Aspire sets a similar one).</summary>
    private const string ProjectDirectoryMetadata = "AppHostProjectDirectory";

    public static ConfigurationManager CreateConfiguration(string[] args)
    {
        var configuration = new ConfigurationManager();
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(args);
        return configuration;
    }

    public static DistributedApplicationOptions CreateOptions(string[] args, IConfiguration configuration) => new()
    {
        Args = args,
        DataDirectory = configuration["AppHost:DataDirectory"] ?? ProjectDataDirectory(),
        DashboardPort = configuration.GetValue<int?>("AppHost:DashboardPort") ?? DashboardPort,
    };

    /// <summary><c>.data</c> next to the AppHost's csproj, so data survives rebuilds and is easy to find.</summary>
    private static string? ProjectDataDirectory() =>
        Assembly.GetEntryAssembly()?
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == ProjectDirectoryMetadata)?.Value is { Length: > 0 } projectDirectory
            ? Path.Combine(projectDirectory, ".data")
            : null;
}
