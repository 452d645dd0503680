using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using RefundSaver.Infrastructure.AppStore.Api;

namespace RefundSaver.UnitTests.AppStore.Api;

public sealed class AesGcmCredentialProtectorTests
{
    private const string Secret = "-----BEGIN PRIVATE KEY-----\nMIGTAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBHkwdwIBAQQg…é✓\n-----END PRIVATE KEY-----";

    private static readonly string KeyA = NewKey();
    private static readonly string KeyB = NewKey();

    [Fact]
    public void Unprotect_WhenGivenWhatProtectMade_ShouldReturnThePlaintext()
    {
        var protector = Protector(KeyA);

        var protectedValue = protector.Protect(Secret);

        protector.IsConfigured.ShouldBeTrue();
        protector.Unprotect(protectedValue).ShouldBe(Secret);
        protectedValue.ShouldStartWith("v1:");
        protectedValue.ShouldNotContain("PRIVATE KEY");
        var sealedBytes = Convert.FromBase64String(protectedValue["v1:".Length..]);
        sealedBytes.Length.ShouldBe(12 + System.Text.Encoding.UTF8.GetByteCount(Secret) + 16);
    }

    [Fact]
    public void Protect_WhenCalledTwice_ShouldUseAFreshNonceEachTime()
    {
        var protector = Protector(KeyA);

        protector.Protect(Secret).ShouldNotBe(protector.Protect(Secret));
    }

    [Fact]
    public void Unprotect_WhenThePlaintextIsEmpty_ShouldRoundTrip()
    {
        var protector = Protector(KeyA);

        protector.Unprotect(protector.Protect("")).ShouldBe("");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(30)]
    [InlineData(-1)]
    public void Unprotect_WhenAnyByteWasTamperedWith_ShouldThrow(int index)
    {
        var protector = Protector(KeyA);
        var sealedBytes = Convert.FromBase64String(protector.Protect(Secret)["v1:".Length..]);
        sealedBytes[index < 0 ? sealedBytes.Length + index : index] ^= 0x01;

        var exception = Should.Throw<CryptographicException>(() => protector.Unprotect("v1:" + Convert.ToBase64String(sealedBytes)));

        exception.Message.ShouldContain("altered");
    }

    [Fact]
    public void Unprotect_WhenTheKeyIsWrong_ShouldThrowNamingTheSettings()
    {
        var protectedValue = Protector(KeyA).Protect(Secret);

        var exception = Should.Throw<CryptographicException>(() => Protector(KeyB).Unprotect(protectedValue));

        exception.Message.ShouldContain("AppStore:CredentialsKey");
        exception.Message.ShouldContain("AppStore:PreviousCredentialsKeys");
    }

    [Theory]
    [InlineData("")]
    [InlineData("v2:AAAA")]
    [InlineData("v1:***")]
    [InlineData("v1:AAAAAAAA")]
    public void Unprotect_WhenTheValueIsNotOurs_ShouldThrow(string value)
    {
        Should.Throw<CryptographicException>(() => Protector(KeyA).Unprotect(value));
    }

    [Fact]
    public void Unprotect_WhenTheKeyWasRotated_ShouldOpenOldValuesWithThePreviousKeyAndProtectWithTheNewOne()
    {
        var oldValue = Protector(KeyA).Protect(Secret);
        var rotated = Protector(KeyB, KeyA);

        var newValue = rotated.Protect(Secret);

        rotated.Unprotect(oldValue).ShouldBe(Secret);
        rotated.Unprotect(newValue).ShouldBe(Secret);
        Protector(KeyB).Unprotect(newValue).ShouldBe(Secret);
        Should.Throw<CryptographicException>(() => Protector(KeyA).Unprotect(newValue));
    }

    [Fact]
    public void Protect_WhenNoKeyIsConfigured_ShouldThrowSayingWhichSettingToSet()
    {
        var protector = Protector(null);

        var exception = Should.Throw<InvalidOperationException>(() => protector.Protect(Secret));

        protector.IsConfigured.ShouldBeFalse();
        exception.Message.ShouldContain("AppStore:CredentialsKey");
    }

    [Fact]
    public void Unprotect_WhenNoKeyIsConfigured_ShouldThrowSayingWhichSettingToSet()
    {
        var protectedValue = Protector(KeyA).Protect(Secret);

        Should.Throw<InvalidOperationException>(() => Protector(null).Unprotect(protectedValue)).Message.ShouldContain("AppStore:CredentialsKey");
    }

    [Theory]
    [InlineData("c2hvcnQ=", null)]
    [InlineData("not base64 at all", null)]
    [InlineData(null, "c2hvcnQ=")]
    public void Constructor_WhenAKeyIsNot32Bytes_ShouldThrowNamingTheSettingNotTheValue(string? key, string? previous)
    {
        var exception = Should.Throw<InvalidOperationException>(() => Protector(key ?? KeyA, previous is null ? [] : [previous]));

        exception.Message.ShouldContain(key is not null ? "AppStore:CredentialsKey" : "AppStore:PreviousCredentialsKeys:0");
        exception.Message.ShouldNotContain((key ?? previous)!);
        CredentialProtectionOptions.IsValid(new CredentialProtectionOptions
        {
            CredentialsKey = key ?? KeyA,
            PreviousCredentialsKeys = previous is null ? [] : [previous],
        }).ShouldBeFalse();
    }

    private static AesGcmCredentialProtector Protector(string? key, params string[] previousKeys) =>
        new(Options.Create(new CredentialProtectionOptions { CredentialsKey = key, PreviousCredentialsKeys = [.. previousKeys] }));

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
