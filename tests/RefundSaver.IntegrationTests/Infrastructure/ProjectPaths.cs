using System.Reflection;

namespace RefundSaver.IntegrationTests.Infrastructure;

/// <summary>Project files recorded at build time (see the csproj), for tests that start a project as a process.</summary>
public static class ProjectPaths
{
    public static string Get(string projectName) =>
        typeof(ProjectPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "ProjectPath:" + projectName)?.Value is { Length: > 0 } path
            ? Path.GetFullPath(path)
            : throw new InvalidOperationException($"The tests were built without the path of {projectName}.");
}
