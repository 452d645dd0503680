using System.Text.RegularExpressions;
using RefundSaver.Application.Common.Validation;

namespace RefundSaver.UnitTests.Application;

public sealed class StorableTextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("customer-1")]
    [InlineData("Zoë 😀")]
    public void IsStorable_WhenTextIsValid_ShouldBeTrue(string value) => StorableText.IsStorable(value).ShouldBeTrue();

    /// <summary>Escaped, and unescaped in the test: xUnit's test case serialization would turn a lone surrogate into U+FFFD.</summary>
    [Theory]
    [InlineData(@"\ud800")]
    [InlineData(@"a\udc00")]
    [InlineData(@"\ud83d")]
    [InlineData(@"x\ud83d\ud83dy")]
    [InlineData(@"a\u0000b")]
    public void IsStorable_WhenHalfASurrogatePairOrANullIsThere_ShouldBeFalse(string escaped) =>
        StorableText.IsStorable(Regex.Unescape(escaped)).ShouldBeFalse();
}
