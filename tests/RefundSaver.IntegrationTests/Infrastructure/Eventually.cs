using System.Diagnostics;
using System.Text.Json.Nodes;

namespace RefundSaver.IntegrationTests.Infrastructure;

/// <summary>Waits for something asynchronous by polling it, and fails with what was last seen when it does not happen in time.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var seen = await probe();
            if (done(seen))
            {
                return seen;
            }

            if (clock.Elapsed > limit)
            {
                throw new ShouldAssertException(
                    $"Waited {limit.TotalSeconds:0.#} s for {what}; last seen: {Describe(seen)}");
            }

            await Task.Delay(Interval);
        }
    }

    private static string Describe<T>(T seen) => seen switch
    {
        null => "nothing",
        JsonNode node => node.ToJsonString(),
        _ => seen.ToString() ?? string.Empty,
    };
}
