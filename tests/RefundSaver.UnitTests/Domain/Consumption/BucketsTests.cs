using RefundSaver.Domain.Consumption;

namespace RefundSaver.UnitTests.Domain.Consumption;

public sealed class BucketsTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    public static TheoryData<TimeSpan, int> TenureBoundaries => new()
    {
        { TimeSpan.Zero, 1 },
        { TimeSpan.FromDays(3) - Tick, 1 },
        { TimeSpan.FromDays(3), 2 },
        { TimeSpan.FromDays(10) - Tick, 2 },
        { TimeSpan.FromDays(10), 3 },
        { TimeSpan.FromDays(30) - Tick, 3 },
        { TimeSpan.FromDays(30), 4 },
        { TimeSpan.FromDays(90) - Tick, 4 },
        { TimeSpan.FromDays(90), 5 },
        { TimeSpan.FromDays(180) - Tick, 5 },
        { TimeSpan.FromDays(180), 6 },
        { TimeSpan.FromDays(365) - Tick, 6 },
        { TimeSpan.FromDays(365), 7 },
        { TimeSpan.FromDays(5000), 7 },
    };

    public static TheoryData<TimeSpan, int> PlayTimeBoundaries => new()
    {
        { TimeSpan.Zero, 1 },
        { TimeSpan.FromMinutes(5) - Tick, 1 },
        { TimeSpan.FromMinutes(5), 2 },
        { TimeSpan.FromMinutes(60) - Tick, 2 },
        { TimeSpan.FromMinutes(60), 3 },
        { TimeSpan.FromHours(6) - Tick, 3 },
        { TimeSpan.FromHours(6), 4 },
        { TimeSpan.FromHours(24) - Tick, 4 },
        { TimeSpan.FromHours(24), 5 },
        { TimeSpan.FromDays(4) - Tick, 5 },
        { TimeSpan.FromDays(4), 6 },
        { TimeSpan.FromDays(16) - Tick, 6 },
        { TimeSpan.FromDays(16), 7 },
        { TimeSpan.FromDays(400), 7 },
    };

    public static TheoryData<decimal, int> DollarBoundaries => new()
    {
        { 0m, 1 },
        { 0.00m, 1 },
        { 0.001m, 2 },
        { 0.01m, 2 },
        { 49.99m, 2 },
        { 49.999m, 2 },
        { 50.00m, 3 },
        { 99.99m, 3 },
        { 100.00m, 4 },
        { 499.99m, 4 },
        { 500.00m, 5 },
        { 999.99m, 5 },
        { 1000.00m, 6 },
        { 1999.99m, 6 },
        { 2000.00m, 7 },
        { 1_000_000m, 7 },
    };

    [Theory]
    [MemberData(nameof(TenureBoundaries))]
    public void AccountTenure_WhenOnEitherSideOfABoundary_ShouldIncludeTheLowerBound(TimeSpan tenure, int expected) =>
        Buckets.AccountTenure(tenure).ShouldBe(expected);

    [Fact]
    public void AccountTenure_WhenUnknown_ShouldBeUndeclared() =>
        Buckets.AccountTenure(null).ShouldBe(0);

    [Fact]
    public void AccountTenure_WhenNegative_ShouldCountAsZero() =>
        Buckets.AccountTenure(TimeSpan.FromMinutes(-1)).ShouldBe(1);

    [Theory]
    [MemberData(nameof(PlayTimeBoundaries))]
    public void PlayTime_WhenOnEitherSideOfABoundary_ShouldIncludeTheLowerBound(TimeSpan played, int expected) =>
        Buckets.PlayTime(played).ShouldBe(expected);

    [Fact]
    public void PlayTime_WhenUnknown_ShouldBeUndeclared() =>
        Buckets.PlayTime(null).ShouldBe(0);

    [Fact]
    public void PlayTime_WhenNegative_ShouldCountAsZero() =>
        Buckets.PlayTime(TimeSpan.FromSeconds(-1)).ShouldBe(1);

    [Theory]
    [MemberData(nameof(DollarBoundaries))]
    public void Dollars_WhenOnEitherSideOfABoundary_ShouldIncludeTheLowerBound(decimal usd, int expected) =>
        Buckets.Dollars(usd).ShouldBe(expected);

    [Fact]
    public void Dollars_WhenUnknown_ShouldBeUndeclared() =>
        Buckets.Dollars(null).ShouldBe(0);

    [Fact]
    public void Dollars_WhenNegative_ShouldCountAsZero() =>
        Buckets.Dollars(-5m).ShouldBe(1);
}
