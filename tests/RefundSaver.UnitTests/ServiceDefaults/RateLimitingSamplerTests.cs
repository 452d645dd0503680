using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry.Trace;
using RefundSaver.ServiceDefaults;

namespace RefundSaver.UnitTests.ServiceDefaults;

public sealed class RateLimitingSamplerTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void ShouldSample_WhenASecondsWorthArrivesAtOnce_ShouldKeepThemAndDropTheNext()
    {
        var sampler = new RateLimitingSampler(10, _time);

        var decisions = Sample(sampler, 11);

        decisions.Take(10).ShouldAllBe(decision => decision == SamplingDecision.RecordAndSample);
        decisions[10].ShouldBe(SamplingDecision.Drop);
    }

    [Fact]
    public void ShouldSample_WhenTheLimitIsReached_ShouldKeepOneMoreEachIntervalAndNoneSooner()
    {
        var sampler = new RateLimitingSampler(10, _time);
        Sample(sampler, 10);

        _time.Advance(TimeSpan.FromMilliseconds(99));
        Sample(sampler, 1).ShouldBe([SamplingDecision.Drop]);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Sample(sampler, 2).ShouldBe([SamplingDecision.RecordAndSample, SamplingDecision.Drop]);
    }

    [Fact]
    public void ShouldSample_WhenIdleForLong_ShouldAllowOneSecondsBurstAndNoMore()
    {
        var sampler = new RateLimitingSampler(10, _time);

        _time.Advance(TimeSpan.FromMinutes(5));

        Sample(sampler, 11).Count(decision => decision == SamplingDecision.RecordAndSample).ShouldBe(10);
    }

    [Fact]
    public void ShouldSample_WhenTheRateIsBelowOneASecond_ShouldKeepOneEachPeriod()
    {
        var sampler = new RateLimitingSampler(0.5, _time);

        Sample(sampler, 2).ShouldBe([SamplingDecision.RecordAndSample, SamplingDecision.Drop]);
        _time.Advance(TimeSpan.FromMilliseconds(1999));
        Sample(sampler, 1).ShouldBe([SamplingDecision.Drop]);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Sample(sampler, 1).ShouldBe([SamplingDecision.RecordAndSample]);
    }

    [Fact]
    public void ShouldSample_WhenManyThreadsAskAtOnce_ShouldKeepExactlyTheLimit()
    {
        var sampler = new RateLimitingSampler(1000, _time);
        var kept = 0;

        Parallel.For(0, 8, _ => Interlocked.Add(ref kept, Sample(sampler, 500).Count(d => d == SamplingDecision.RecordAndSample)));

        kept.ShouldBe(1000);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_WhenTheRateIsNotPositive_ShouldThrow(double tracesPerSecond) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new RateLimitingSampler(tracesPerSecond, _time));

    private static SamplingDecision[] Sample(Sampler sampler, int count) =>
        Enumerable.Range(0, count)
            .Select(_ => sampler.ShouldSample(new SamplingParameters(
                default, ActivityTraceId.CreateRandom(), "request", ActivityKind.Server)).Decision)
            .ToArray();
}
