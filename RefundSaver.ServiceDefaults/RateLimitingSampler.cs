using OpenTelemetry.Trace;

namespace RefundSaver.ServiceDefaults;

/// <summary>
/// Samples at most <c>tracesPerSecond</c> new traces a second, with a burst of one second's worth:
/// at a few requests a second every trace is kept, at thousands the cost of recording and exporting
/// them stays flat. Lock-free (generic cell rate algorithm): it runs for every root span.
/// </summary>
public sealed class RateLimitingSampler : Sampler
{
    private static readonly SamplingResult Sampled = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult Dropped = new(SamplingDecision.Drop);

    private readonly TimeProvider time;
    private readonly long interval;
    private readonly long tolerance;
    private long nextSlot;

    public RateLimitingSampler(double tracesPerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tracesPerSecond);
        this.time = time;
        interval = Math.Max(1, (long)(time.TimestampFrequency / tracesPerSecond));
        tolerance = interval * (Math.Max(1, (long)tracesPerSecond) - 1);
        nextSlot = time.GetTimestamp();
        Description = $"RateLimitingSampler{{{tracesPerSecond}/s}}";
    }

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        var now = time.GetTimestamp();
        while (true)
        {
            var slot = Volatile.Read(ref nextSlot);
            var start = Math.Max(slot, now);
            if (start - now > tolerance)
            {
                return Dropped;
            }

            if (Interlocked.CompareExchange(ref nextSlot, start + interval, slot) == slot)
            {
                return Sampled;
            }
        }
    }
}
