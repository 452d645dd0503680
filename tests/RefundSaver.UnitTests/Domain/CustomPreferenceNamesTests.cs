using RefundSaver.Domain.Profiles;

namespace RefundSaver.UnitTests.Domain;

public sealed class CustomPreferenceNamesTests
{
    [Theory]
    [InlineData("grant", CustomPreference.Grant)]
    [InlineData("decline", CustomPreference.Decline)]
    [InlineData("no_preference", CustomPreference.NoPreference)]
    public void TryParse_WhenWireName_ShouldRoundTrip(string name, CustomPreference expected)
    {
        CustomPreferenceNames.TryParse(name, out var parsed).ShouldBeTrue();

        parsed.ShouldBe(expected);
        expected.ToName().ShouldBe(name);
    }

    [Theory]
    [InlineData("GRANT")]
    [InlineData("no-preference")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_WhenNotExactlyAWireName_ShouldFail(string? name)
    {
        CustomPreferenceNames.TryParse(name, out var parsed).ShouldBeFalse();

        parsed.ShouldBeNull();
    }

    [Fact]
    public void Parse_WhenUnknown_ShouldThrow() =>
        Should.Throw<ArgumentOutOfRangeException>(() => CustomPreferenceNames.Parse("maybe"));
}
