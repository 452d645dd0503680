using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RefundSaver.AppStoreSimulator.Signing;
using RefundSaver.AppStoreSimulator.Tests.Infrastructure;

namespace RefundSaver.AppStoreSimulator.Tests;

/// <summary>The chain directory: generated and written once, loaded on the next start.</summary>
public sealed class SigningChainTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"simulator-chain-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void SaveThenLoad_WhenChainIsGenerated_ShouldGiveTheSameCertificatesAndKey()
    {
        using var created = SigningChain.Create();
        created.Save(_directory);

        using var loaded = SigningChain.Load(_directory);

        loaded.Root.Thumbprint.ShouldBe(created.Root.Thumbprint);
        loaded.Intermediate.Thumbprint.ShouldBe(created.Intermediate.Thumbprint);
        loaded.Leaf.Thumbprint.ShouldBe(created.Leaf.Thumbprint);
        var data = "payload"u8.ToArray();
        var signature = loaded.LeafKey.SignData(data, HashAlgorithmName.SHA256);
        created.Leaf.GetECDsaPublicKey()!.VerifyData(data, signature, HashAlgorithmName.SHA256).ShouldBeTrue();
        Should.Throw<InvalidOperationException>(() => loaded.BuildCrl(revokeLeaf: false, DateTimeOffset.UtcNow));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Save_WhenWritingTheLeafKey_ShouldMakeItOwnerOnlyAndLeaveNoTemporaryFile()
    {
        using var created = SigningChain.Create();

        created.Save(_directory);

        File.GetUnixFileMode(Path.Combine(_directory, SigningChain.LeafKeyFileName)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Directory.GetFiles(_directory).Length.ShouldBe(4);
    }

    [Fact]
    public void Load_WhenKeyDoesNotMatchTheLeaf_ShouldThrow()
    {
        using var first = SigningChain.Create();
        using var second = SigningChain.Create();
        first.Save(_directory);
        File.WriteAllText(Path.Combine(_directory, SigningChain.LeafKeyFileName), second.LeafKey.ExportPkcs8PrivateKeyPem());

        Should.Throw<InvalidOperationException>(() => SigningChain.Load(_directory));
    }

    [Fact]
    public async Task Simulator_WhenChainDirectoryIsEmptyThenReused_ShouldWriteTheChainThenLoadIt()
    {
        var settings = new Dictionary<string, string?> { ["Simulator:ChainDirectory"] = _directory };
        string firstRoot;
        await using (var first = new SimulatorFactory(settings))
        {
            using var client = first.CreateSimulatorClient();
            firstRoot = await client.Http.GetStringAsync("/simulator/root.pem");
        }

        await using var second = new SimulatorFactory(settings);
        using var secondClient = second.CreateSimulatorClient();
        var secondRoot = await secondClient.Http.GetStringAsync("/simulator/root.pem");

        SigningChain.ExistsIn(_directory).ShouldBeTrue();
        secondRoot.ShouldBe(firstRoot);
        File.ReadAllText(Path.Combine(_directory, SigningChain.RootFileName)).ShouldBe(firstRoot);
    }
}
