using RefundSaver.Application.AppStore.Dispatching;

namespace RefundSaver.UnitTests.Application.Dispatching;

public sealed class RetryScheduleTests
{
    /// <summary>The midpoint of the jitter range: no jitter at all.</summary>
    private const double NoJitter = 0.5;

    private static readonly RetrySchedule Schedule = new();

    [Fact]
    public void New_WhenNothingIsSet_ShouldStartAtFiveSecondsAndStopAtHalfAnHour()
    {
        Schedule.FirstDelay.ShouldBe(TimeSpan.FromSeconds(5));
        Schedule.MaxDelay.ShouldBe(TimeSpan.FromMinutes(30));
        Schedule.MaxUnauthorizedAttempts.ShouldBe(3);
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(4, 40)]
    [InlineData(5, 80)]
    [InlineData(9, 1280)]
    public void DelayAfter_WhenAttemptsGrow_ShouldDoubleEachTime(int attempts, int expectedSeconds) =>
        Schedule.DelayAfter(attempts, NoJitter).ShouldBe(TimeSpan.FromSeconds(expectedSeconds));

    [Theory]
    [InlineData(10)]
    [InlineData(31)]
    [InlineData(1000)]
    [InlineData(int.MaxValue)]
    public void DelayAfter_WhenDoublingPassesMaxDelay_ShouldStayAtMaxDelay(int attempts) =>
        Schedule.DelayAfter(attempts, NoJitter).ShouldBe(TimeSpan.FromMinutes(30));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void DelayAfter_WhenNoAttemptWasCounted_ShouldWaitTheFirstDelay(int attempts) =>
        Schedule.DelayAfter(attempts, NoJitter).ShouldBe(TimeSpan.FromSeconds(5));

    [Fact]
    public void DelayAfter_WhenConfigured_ShouldDoubleFromTheFirstDelayUpToTheMaximum()
    {
        var schedule = new RetrySchedule { FirstDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(6) };

        TimeSpan[] delays = [.. Enumerable.Range(1, 5).Select(attempts => schedule.DelayAfter(attempts, NoJitter))];

        delays.ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(6)]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(8)]
    public void DelayAfter_WhenJitterIsAtItsEnds_ShouldStayWithinTwentyPercentOfTheNominalDelay(int attempts)
    {
        var nominal = Schedule.DelayAfter(attempts, NoJitter);

        var shortest = Schedule.DelayAfter(attempts, 0);
        var longest = Schedule.DelayAfter(attempts, 0.999);

        shortest.ShouldBe(nominal * 0.8, TimeSpan.FromMilliseconds(1));
        longest.ShouldBeLessThan(nominal * 1.2);
        longest.ShouldBeGreaterThan(nominal * 1.19);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(50)]
    public void DelayAfter_WhenAtMaxDelay_ShouldJitterBelowItButNeverAbove(int attempts)
    {
        Schedule.DelayAfter(attempts, 0).ShouldBe(TimeSpan.FromMinutes(24));
        Schedule.DelayAfter(attempts, 0.25).ShouldBe(TimeSpan.FromMinutes(27));
        Schedule.DelayAfter(attempts, 0.999).ShouldBe(TimeSpan.FromMinutes(30));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.37)]
    [InlineData(0.62)]
    [InlineData(0.9)]
    public void DelayAfter_WhenJitterIsInside_ShouldGrowWithIt(double jitter)
    {
        var lower = Schedule.DelayAfter(3, jitter - 0.05);
        var delay = Schedule.DelayAfter(3, jitter);

        delay.ShouldBeGreaterThan(lower);
        delay.ShouldBeInRange(TimeSpan.FromSeconds(16), TimeSpan.FromSeconds(24));
    }

    [Theory]
    [InlineData(-1.0, 4)]
    [InlineData(7.0, 6)]
    public void DelayAfter_WhenJitterIsOutOfRange_ShouldClampItToTheBounds(double jitter, int expectedSeconds) =>
        Schedule.DelayAfter(1, jitter).ShouldBe(TimeSpan.FromSeconds(expectedSeconds));
}
