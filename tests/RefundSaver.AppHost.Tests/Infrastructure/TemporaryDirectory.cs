namespace RefundSaver.AppHost.Tests.Infrastructure;

/// <summary>A data directory of the test's own, removed afterwards.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("refundsaver-apphost-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
