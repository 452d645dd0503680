using RefundSaver.Infrastructure.AppStore.Api;

namespace RefundSaver.UnitTests.Infrastructure.AppStore.Api;

public sealed class RetryAfterHeaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Parse_WhenAppleSendsUnixMilliseconds_ShouldReadThatInstant()
    {
        RetryAfterHeader.Parse("1795356060500", Now).ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1795356060500));
    }

    [Fact]
    public void Parse_WhenDeltaSeconds_ShouldCountFromNow()
    {
        RetryAfterHeader.Parse("120", Now).ShouldBe(Now.AddSeconds(120));
    }

    [Fact]
    public void Parse_WhenAnHttpDate_ShouldReadIt()
    {
        RetryAfterHeader.Parse("Sun, 22 Nov 2026 12:05:00 GMT", Now).ShouldBe(Now.AddMinutes(5));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("1795356060")]
    public void Parse_WhenMeaningless_ShouldBeNull(string? value)
    {
        RetryAfterHeader.Parse(value, Now).ShouldBeNull();
    }

    [Fact]
    public void Parse_WhenGivenResponseHeaders_ShouldReadTheRawValueEvenIfHttpWouldNot()
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Retry-After", "1795356060500");

        RetryAfterHeader.Parse(response.Headers, Now).ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1795356060500));
    }
}
