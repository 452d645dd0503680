using Microsoft.Extensions.Configuration;
using RefundSaver.AppHost.Tests.Infrastructure;

namespace RefundSaver.AppHost.Tests;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SecretsTests : IDisposable
{
    private readonly TemporaryDirectory _data = new();

    [Fact]
    public void AdminToken_WhenNoneIsConfigured_ShouldGenerate32RandomBytesOnceAndKeepThemOwnerOnly()
    {
        var configuration = new ConfigurationBuilder().Build();

        var first = StoredSecrets.AdminToken(configuration, _data.Path);
        var second = StoredSecrets.AdminToken(configuration, _data.Path);

        first.ShouldBe(second);
        System.Buffers.Text.Base64Url.DecodeFromChars(first).Length.ShouldBe(32);
        File.GetUnixFileMode(Path.Combine(_data.Path, StoredSecrets.AdminTokenFile)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public void AdminToken_WhenConfigured_ShouldUseItAndStoreNothing()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Admin:Token", "configured-token")]).Build();

        StoredSecrets.AdminToken(configuration, _data.Path).ShouldBe("configured-token");
        File.Exists(Path.Combine(_data.Path, StoredSecrets.AdminTokenFile)).ShouldBeFalse();
    }

    [Fact]
    public void CredentialsKey_WhenNoneIsConfigured_ShouldGenerate32BytesAndKeepThemInTheDataDirectory()
    {
        var configuration = new ConfigurationBuilder().Build();

        var key = StoredSecrets.CredentialsKey(configuration, _data.Path);

        Convert.FromBase64String(key).Length.ShouldBe(32);
        StoredSecrets.CredentialsKey(configuration, _data.Path).ShouldBe(key);
        File.GetUnixFileMode(Path.Combine(_data.Path, "credentials-key")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Directory.GetFiles(_data.Path).ShouldBe([Path.Combine(_data.Path, "credentials-key")]);
    }

    [Fact]
    public void ExtraTrustedRoots_WhenTheAppHostIsGivenRoots_ShouldListThemInIndexOrder()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
        [
            new("AppStore:Verification:ExtraTrustedRoots:10", "ten"),
            new("AppStore:Verification:ExtraTrustedRoots:2", "two"),
            new("AppStore:Verification:ExtraTrustedRoots:0", "zero"),
            new("AppStore:Verification:ExtraTrustedRoots:1", " "),
        ]).Build();

        RefundSaverAppHost.ExtraTrustedRoots(configuration).ShouldBe(["zero", "two", "ten"]);
    }

    public void Dispose() => _data.Dispose();
}
