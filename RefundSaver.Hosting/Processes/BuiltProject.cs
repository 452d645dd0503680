using System.Reflection;

namespace RefundSaver.Hosting.Processes;

/// <summary>
/// Finds the output of a project built alongside the AppHost (same configuration, same target
/// framework as this assembly), so it starts with <c>dotnet &lt;dll&gt;</c> instead of a slow <c>dotnet run</c>.
/// </summary>
internal static class BuiltProject
{
    public static string Configuration { get; } =
        typeof(BuiltProject).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The dotnet host that runs us; set by the SDK for its child processes.</summary>
    public static string DotnetHost =>
        System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";

    public static string? FindAssembly(string projectPath)
    {
        var version = System.Environment.Version;
        var assembly = Path.Combine(
            Path.GetDirectoryName(projectPath)!,
            "bin",
            Configuration,
            $"net{version.Major}.{version.Minor}",
            Path.GetFileNameWithoutExtension(projectPath) + ".dll");
        return File.Exists(assembly) ? assembly : null;
    }
}
