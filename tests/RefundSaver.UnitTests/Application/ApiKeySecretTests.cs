using RefundSaver.Application.Common.Security;

namespace RefundSaver.UnitTests.Application;

public sealed class ApiKeySecretTests
{
    [Fact]
    public void Generate_WhenCalled_ShouldMakeAnAdaptyShapedKeyWhoseHashMatches()
    {
        var (key, keyId, hash) = ApiKeySecret.Generate();

        key.ShouldMatch("^secret_live_[A-Za-z0-9]{8}\\.[A-Za-z0-9]{32}$");
        ApiKeySecret.TryGetKeyId(key).ShouldBe(keyId);
        ApiKeySecret.Matches(key, hash).ShouldBeTrue();
    }

    [Fact]
    public void Generate_WhenCalledTwice_ShouldMakeDifferentKeys()
    {
        ApiKeySecret.Generate().Key.ShouldNotBe(ApiKeySecret.Generate().Key);
    }

    [Fact]
    public void Matches_WhenOneCharacterDiffers_ShouldBeFalse()
    {
        var (key, _, hash) = ApiKeySecret.Generate();
        var altered = key[..^1] + (key[^1] == 'a' ? 'b' : 'a');

        ApiKeySecret.Matches(altered, hash).ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("secret_live_")]
    [InlineData("public_live_abcdEFGH.0123456789abcdef0123456789abcdef")]
    [InlineData("secret_live_abcdEFGH-0123456789abcdef0123456789abcdef")]
    [InlineData("secret_live_abcdEFGH.0123456789abcdef0123456789abcde")]
    [InlineData("secret_live_abcd-FGH.0123456789abcdef0123456789abcdef")]
    public void TryGetKeyId_WhenMalformed_ShouldBeNull(string key) => ApiKeySecret.TryGetKeyId(key).ShouldBeNull();

    [Fact]
    public void TryGetKeyId_WhenTheIdHoldsHalfASurrogatePair_ShouldBeNull() =>
        // Built here, not in InlineData: xUnit's test case serialization would turn the lone surrogate into U+FFFD.
        ApiKeySecret.TryGetKeyId("secret_live_abcdEFG" + '\ud800' + ".0123456789abcdef0123456789abcdef").ShouldBeNull();
}
