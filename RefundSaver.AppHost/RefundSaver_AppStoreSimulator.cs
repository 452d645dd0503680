using RefundSaver.Hosting;

namespace Projects;

/// <summary>Named as Aspire would generate it: the local stand-in for Apple.</summary>
#pragma warning disable CA1707 // The underscore is Aspire's naming for project classes.
public sealed class RefundSaver_AppStoreSimulator : IProjectMetadata
#pragma warning restore CA1707
{
    public string ProjectPath => ProjectPaths.Get("RefundSaver.AppStoreSimulator");
}
