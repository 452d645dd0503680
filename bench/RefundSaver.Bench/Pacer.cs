using System.Diagnostics;
using System.Runtime.InteropServices;

namespace RefundSaver.Bench;

/// <summary>
/// Open-loop send times at a fixed mean rate, evenly spaced or, with <c>poisson</c>, at random
/// (exponential) gaps as independent senders would arrive; each request is sent when it is due.
/// Task.Delay counts whole milliseconds, so requests would go out up to a millisecond early or
/// late and in bunches; this thread sleeps to each due time with clock_nanosleep instead. Latency
/// is counted from the due time, so any lateness of the sender counts against the system.
/// </summary>
internal static class Pacer
{
    private const int ClockMonotonic = 1;
    private const int AbsoluteTime = 1;
    private const int Interrupted = 4;

    /// <summary>
    /// Calls <paramref name="due"/> on the pacer's own thread at each due time (a Stopwatch
    /// timestamp) from <paramref name="start"/> until <paramref name="end"/>; a call that waits
    /// delays the later ones, which then count their lateness.
    /// </summary>
    public static Task RunAsync(long start, long end, double rate, bool poisson, Action<long> due)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var random = new Random(42);
        var thread = new Thread(() =>
        {
            try
            {
                var seconds = 0.0;
                for (long k = 0; ; k++)
                {
                    seconds = poisson ? seconds - Math.Log(1 - random.NextDouble()) / rate : k / rate;
                    var next = start + (long)(seconds * Stopwatch.Frequency);
                    if (next >= end)
                    {
                        break;
                    }

                    SleepUntil(next);
                    due(next);
                }

                done.SetResult();
            }
            catch (Exception exception)
            {
                done.SetException(exception);
            }
        })
        { IsBackground = true, Name = "Pacer" };
        thread.Start();
        return done.Task;
    }

    /// <summary>Stopwatch timestamps are CLOCK_MONOTONIC on Linux.</summary>
    private static void SleepUntil(long timestamp)
    {
        var nanoseconds = (long)(timestamp * (1_000_000_000.0 / Stopwatch.Frequency));
        var time = new Timespec { Seconds = nanoseconds / 1_000_000_000, Nanoseconds = nanoseconds % 1_000_000_000 };
        while (clock_nanosleep(ClockMonotonic, AbsoluteTime, ref time, IntPtr.Zero) == Interrupted)
        {
        }
    }

    [DllImport("libc")]
    private static extern int clock_nanosleep(int clockId, int flags, ref Timespec request, IntPtr remain);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
