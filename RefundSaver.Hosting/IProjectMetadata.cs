namespace RefundSaver.Hosting;

/// <summary>Points at a .NET project; the AppHost's <c>Projects.*</c> classes implement it, as in Aspire.</summary>
public interface IProjectMetadata
{
    /// <summary>Absolute path of the project's .csproj file.</summary>
    string ProjectPath { get; }
}
