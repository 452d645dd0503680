using System.Reflection;

namespace Projects;

/// <summary>Project paths recorded at build time as assembly metadata (see the csproj).</summary>
internal static class ProjectPaths
{
    public static string Get(string projectName) =>
        typeof(ProjectPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "ProjectPath:" + projectName)?.Value is { Length: > 0 } path
            ? Path.GetFullPath(path)
            : throw new InvalidOperationException($"The AppHost was built without the path of {projectName}.");
}
