using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using RefundSaver.Application.AppStore.Api;
using RefundSaver.Infrastructure.AppStore.Api;
using RefundSaver.TestSupport;

namespace RefundSaver.UnitTests.Infrastructure.AppStore.Api;

public sealed class AesGcmCredentialProtectorTests
{
    private const string Secret = "-----BEGIN PRIVATE KEY-----\nMIGTAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBHkwdwIBAQQg…é✓\n-----END PRIVATE KEY-----";

    private static readonly CredentialBinding Binding = new(Guid.Parse("0193a1b2-0000-7000-8000-000000000001"), "issuer-1", "KEY1");

    private static readonly string KeyA = NewKey();
    private static readonly string KeyB = NewKey();

    [Fact]
    public void Unprotect_WhenGivenWhatProtectMade_ShouldReturnThePlaintext()
    {
        var protector = Protector(KeyA);

        var protectedValue = protector.Protect(Secret, Binding);

        protector.IsConfigured.ShouldBeTrue();
        protector.Unprotect(protectedValue, Binding).ShouldBe(Secret);
        protectedValue.ShouldStartWith("v2:");
        protectedValue.ShouldNotContain("PRIVATE KEY");
        var sealedBytes = Convert.FromBase64String(protectedValue["v2:".Length..]);
        sealedBytes.Length.ShouldBe(12 + System.Text.Encoding.UTF8.GetByteCount(Secret) + 16);
    }

    [Fact]
    public void Protect_WhenCalledTwice_ShouldUseAFreshNonceEachTime()
    {
        var protector = Protector(KeyA);

        protector.Protect(Secret, Binding).ShouldNotBe(protector.Protect(Secret, Binding));
    }

    [Fact]
    public void Unprotect_WhenThePlaintextIsEmpty_ShouldRoundTrip()
    {
        var protector = Protector(KeyA);

        protector.Unprotect(protector.Protect("", Binding), Binding).ShouldBe("");
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
        var sealedBytes = Convert.FromBase64String(protector.Protect(Secret, Binding)["v2:".Length..]);
        sealedBytes[index < 0 ? sealedBytes.Length + index : index] ^= 0x01;

        var exception = Should.Throw<CryptographicException>(() => protector.Unprotect("v2:" + Convert.ToBase64String(sealedBytes), Binding));

        exception.Message.ShouldContain("altered");
    }

    [Fact]
    public void Unprotect_WhenTheKeyIsWrong_ShouldThrowNamingTheSettings()
    {
        var protectedValue = Protector(KeyA).Protect(Secret, Binding);

        var exception = Should.Throw<CryptographicException>(() => Protector(KeyB).Unprotect(protectedValue, Binding));

        exception.Message.ShouldContain("AppStore:CredentialsKey");
        exception.Message.ShouldContain("AppStore:PreviousCredentialsKeys");
    }

    [Theory]
    [InlineData("")]
    [InlineData("v3:AAAA")]
    [InlineData("v2:***")]
    [InlineData("v1:***")]
    [InlineData("v1:AAAAAAAA")]
    public void Unprotect_WhenTheValueIsNotOurs_ShouldThrow(string value)
    {
        Should.Throw<CryptographicException>(() => Protector(KeyA).Unprotect(value, Binding));
    }

    [Fact]
    public void Unprotect_WhenTheKeyWasRotated_ShouldOpenOldValuesWithThePreviousKeyAndProtectWithTheNewOne()
    {
        var oldValue = Protector(KeyA).Protect(Secret, Binding);
        var rotated = Protector(KeyB, KeyA);

        var newValue = rotated.Protect(Secret, Binding);

        rotated.Unprotect(oldValue, Binding).ShouldBe(Secret);
        rotated.Unprotect(newValue, Binding).ShouldBe(Secret);
        Protector(KeyB).Unprotect(newValue, Binding).ShouldBe(Secret);
        Should.Throw<CryptographicException>(() => Protector(KeyA).Unprotect(newValue, Binding));
    }

    public static TheoryData<CredentialBinding> OtherOwners() =>
    [
        Binding with { AppId = Guid.Parse("0193a1b2-0000-7000-8000-000000000002") },
        Binding with { IssuerId = "issuer-2" },
        Binding with { KeyId = "KEY2" },
        new(Binding.AppId, "issuer-1K", "EY1"),
    ];

    [Theory]
    [MemberData(nameof(OtherOwners))]
    public void Unprotect_WhenTheValueBelongsToAnotherAppOrKey_ShouldThrowSayingSo(CredentialBinding other)
    {
        var protectedValue = Protector(KeyA).Protect(Secret, Binding);

        var exception = Should.Throw<CryptographicException>(() => Protector(KeyA).Unprotect(protectedValue, other));

        exception.Message.ShouldContain("another app or key id");
    }

    [Fact]
    public void Unprotect_WhenTheValueIsInTheOldUnboundFormat_ShouldOpenItForAnyAppAndSayItIsToBeSealedAgain()
    {
        var protector = Protector(KeyA);
        var oldValue = UnboundCredentials.Seal(KeyA, Secret);

        protector.Unprotect(oldValue, Binding).ShouldBe(Secret);
        protector.IsCurrentFormat(oldValue).ShouldBeFalse();
        protector.IsCurrentFormat(protector.Protect(Secret, Binding)).ShouldBeTrue();
    }

    [Fact]
    public void Protect_WhenNoKeyIsConfigured_ShouldThrowSayingWhichSettingToSet()
    {
        var protector = Protector(null);

        var exception = Should.Throw<InvalidOperationException>(() => protector.Protect(Secret, Binding));

        protector.IsConfigured.ShouldBeFalse();
        exception.Message.ShouldContain("AppStore:CredentialsKey");
    }

    [Fact]
    public void Unprotect_WhenNoKeyIsConfigured_ShouldThrowSayingWhichSettingToSet()
    {
        var protectedValue = Protector(KeyA).Protect(Secret, Binding);

        Should.Throw<InvalidOperationException>(() => Protector(null).Unprotect(protectedValue, Binding)).Message.ShouldContain("AppStore:CredentialsKey");
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
