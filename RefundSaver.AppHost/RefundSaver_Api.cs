using RefundSaver.Hosting;

namespace Projects;

/// <summary>Named as Aspire would generate it, so <c>AddProject&lt;Projects.RefundSaver_Api&gt;</c> reads the same.</summary>
#pragma warning disable CA1707 // The underscore is Aspire's naming for project classes.
public sealed class RefundSaver_Api : IProjectMetadata
#pragma warning restore CA1707
{
    public string ProjectPath => ProjectPaths.Get("RefundSaver.Api");
}
