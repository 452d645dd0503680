using System.Diagnostics;

namespace RefundSaver.Bench;

/// <summary>A benchmark that cannot go on (the system is not there, requests are stuck): its message is the report.</summary>
internal sealed class BenchFailure(string message) : Exception(message);

internal static class Poll
{
    /// <summary>
    /// Polls <paramref name="check"/> (every 100 ms unless <paramref name="every"/> says otherwise: a check
    /// that counts thousands of rows is itself load) until it says done, printing its progress every few
    /// seconds; fails after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<TimeSpan> WaitUntilAsync(
        string what, TimeSpan timeout, Func<CancellationToken, Task<(bool Done, string Progress)>> check, CancellationToken cancellationToken, TimeSpan? every = null)
    {
        var started = Stopwatch.StartNew();
        var lastPrinted = TimeSpan.Zero;
        while (true)
        {
            var (done, progress) = await check(cancellationToken);
            if (done)
            {
                return started.Elapsed;
            }

            if (started.Elapsed > timeout)
            {
                throw new BenchFailure($"Timed out after {timeout.TotalSeconds:0} s waiting until {what}: {progress}");
            }

            if (started.Elapsed - lastPrinted >= TimeSpan.FromSeconds(5))
            {
                lastPrinted = started.Elapsed;
                Console.WriteLine($"    {started.Elapsed.TotalSeconds,5:0} s  {progress}");
            }

            await Task.Delay(every ?? TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }
}
