using RefundSaver.Domain.Consumption;

namespace RefundSaver.UnitTests.Domain.Consumption;

public sealed class ConsentTests
{
    [Theory]
    [InlineData(true, ConsentDefault.OptIn, true)]
    [InlineData(true, ConsentDefault.OptOut, true)]
    [InlineData(false, ConsentDefault.OptIn, false)]
    [InlineData(false, ConsentDefault.OptOut, false)]
    [InlineData(null, ConsentDefault.OptIn, false)]
    [InlineData(null, ConsentDefault.OptOut, true)]
    public void Resolve_WhenProfileAndAppDefaultGiven_ShouldLetAnExplicitAnswerWin(
        bool? profileConsent, ConsentDefault appDefault, bool expected) =>
        Consent.Resolve(profileConsent, appDefault).ShouldBe(expected);

    [Fact]
    public void Resolve_WhenAppDefaultIsTheDefault_ShouldTreatNullAsNo() =>
        Consent.Resolve(null, default).ShouldBeFalse();
}
