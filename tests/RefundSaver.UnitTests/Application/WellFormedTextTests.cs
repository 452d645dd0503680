using System.Text.RegularExpressions;
using RefundSaver.Application.Common.Validation;

namespace RefundSaver.UnitTests.Application;

public sealed class WellFormedTextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("customer-1")]
    [InlineData("Zoë 😀")]
    public void IsWellFormed_WhenTextIsValid_ShouldBeTrue(string value) => WellFormedText.IsWellFormed(value).ShouldBeTrue();

    /// <summary>Escaped, and unescaped in the test: xUnit's test case serialization would turn a lone surrogate into U+FFFD.</summary>
    [Theory]
    [InlineData(@"\ud800")]
    [InlineData(@"a\udc00")]
    [InlineData(@"\ud83d")]
    [InlineData(@"x\ud83d\ud83dy")]
    public void IsWellFormed_WhenHalfASurrogatePairIsThere_ShouldBeFalse(string escaped) =>
        WellFormedText.IsWellFormed(Regex.Unescape(escaped)).ShouldBeFalse();
}
