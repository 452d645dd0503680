namespace RefundSaver.AppHost.Tests;

/// <summary>A data directory a test keeps across two application runs, deleted at the end.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("refundsaver-apphost-test-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
