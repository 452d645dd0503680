using System.Diagnostics;

namespace RefundSaver.Bench;

/// <summary>
/// Phase 1: many apps' requests held for review, then all made due at once. It measures how fast the
/// dispatcher drains the backlog, and whether it keeps every app under Apple's rate limit while
/// doing so (the big app's backlog takes the longest: its rate is the one that shows).
/// </summary>
internal sealed class BacklogPhase(SystemClient client, RequestsTable table, BacklogSettings settings)
{
    private const int InFlight = 256;

    private static readonly TimeSpan FirstSeconds = TimeSpan.FromSeconds(5);

    public async Task RunAsync(string runId, CancellationToken cancellationToken)
    {
        var total = settings.Apps * settings.PerApp + settings.Big;
        Console.WriteLine(
            $"== 1. Backlog: {total:N0} held requests ({settings.Apps} apps × {settings.PerApp}, one big app × {settings.Big:N0}), then released at once");
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken };
        var clock = Stopwatch.StartNew();
        var bundles = Enumerable.Range(1, settings.Apps).Select(i => $"com.example.dispatch.{runId}.app{i:D3}").Append($"com.example.dispatch.{runId}.big").ToArray();
        var apps = new BenchApp[bundles.Length];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, bundles.Length), parallel, async (i, ct) => apps[i] = await client.CreateAppAsync(bundles[i], settings.HoldMinutes, ct));
        var big = apps[^1];
        var appIds = apps.Select(app => app.Id).ToArray();
        Console.WriteLine($"  apps          {apps.Length} in RefundSaver and at the App Store (Production, consent opt_out, review delay {settings.HoldMinutes} min) in {clock.Elapsed.TotalSeconds:F1} s");

        // Spread every app's purchases over the whole run, so that no app's requests come in one block.
        var work = apps[..^1].SelectMany(app => Enumerable.Range(0, settings.PerApp).Select(k => (app.BundleId, At: (double)k / settings.PerApp)))
            .Concat(Enumerable.Range(0, settings.Big).Select(k => (big.BundleId, At: (double)k / settings.Big)))
            .OrderBy(item => item.At)
            .Select(item => item.BundleId)
            .ToList();
        clock.Restart();
        await SendAsync(work, appIds, parallel, cancellationToken);
        Console.WriteLine(
            $"  sent          {work.Count:N0} purchases and refund requests through the simulator ({settings.Concurrency} at a time, at most {InFlight} notifications in flight) in {clock.Elapsed.TotalSeconds:F1} s");

        var allHeld = $"all {total:N0} requests are Held (a notification the webhook took more than the simulator's 10 s to answer " +
            "comes again an hour later: see TIMED_OUT in the AppHost log)";
        var held = await Poll.WaitUntilAsync(allHeld, settings.Timeout, async ct =>
        {
            var counts = await table.CountByStateAsync(appIds, ct);
            return (counts.GetValueOrDefault("Held") == total, RequestsTable.Describe(counts));
        }, cancellationToken, every: TimeSpan.FromSeconds(1));
        Console.WriteLine($"  held          all {total:N0} Held in PostgreSQL {held.TotalSeconds:F1} s after the last refund request");

        var cpu = ProcessCpu.Start();
        var (released, releasedAt) = await table.ReleaseHeldAsync(cancellationToken);
        Console.WriteLine($"  released      {released:N0} at {releasedAt:HH:mm:ss.fff} (UPDATE … SET state = 'Due', due_at = now() WHERE state = 'Held'; NOTIFY)");
        await Poll.WaitUntilAsync($"all {total:N0} requests are final", settings.Timeout, async ct =>
        {
            var counts = await table.CountByStateAsync(appIds, ct);
            var final = counts.Where(c => RequestsTable.FinalStates.Contains(c.Key)).Sum(c => c.Value);
            return (final == total, RequestsTable.Describe(counts));
        }, cancellationToken, every: TimeSpan.FromSeconds(1));
        var cpuPerRequest = cpu.PerNotification(total);

        var rows = await table.RowsAsync(appIds, cancellationToken);
        var stats = await client.StatsAsync(cancellationToken);
        var bigStarts = await table.AttemptStartsAsync(big.Id, cancellationToken);
        Report(rows, stats, big, apps[..^1], releasedAt, MostInOneSecond(bigStarts));
        if (cpuPerRequest is not null)
        {
            // From the release to the poll that saw every request final (up to a second past the last).
            Console.WriteLine($"    cpu each        {cpuPerRequest} per request drained");
        }
    }

    /// <summary>The most of <paramref name="sorted"/> within any second (t − 1 s, t], as Apple counts.</summary>
    private static int MostInOneSecond(List<DateTimeOffset> sorted)
    {
        var most = 0;
        for (int first = 0, last = 0; last < sorted.Count; last++)
        {
            while (sorted[first] <= sorted[last].AddSeconds(-1))
            {
                first++;
            }

            most = Math.Max(most, last - first + 1);
        }

        return most;
    }

    /// <summary>
    /// A purchase and a refund request for each item, <see cref="BacklogSettings.Concurrency"/> at a
    /// time. The simulator posts each notification at once, in the background: unchecked, it would
    /// queue thousands at the webhook, whose answers then pass the simulator's 10 s delivery timeout,
    /// and Apple's next try is an hour later (some requests would never arrive during the run). So
    /// no more than <see cref="InFlight"/> notifications are sent and not yet stored.
    /// </summary>
    private async Task SendAsync(List<string> work, Guid[] appIds, ParallelOptions parallel, CancellationToken cancellationToken)
    {
        long published = 0, stored = 0;
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var counting = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                Interlocked.Exchange(ref stored, await table.CountNotificationsAsync(appIds, done.Token));
                await Task.Delay(TimeSpan.FromMilliseconds(20), done.Token);
            }
        }, done.Token);
        try
        {
            await Parallel.ForEachAsync(work, parallel, async (bundleId, ct) =>
            {
                while (Interlocked.Read(ref published) - Interlocked.Read(ref stored) >= InFlight)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(5), ct);
                }

                Interlocked.Add(ref published, 2);
                var transactionId = await client.PurchaseAsync(bundleId, ct);
                await client.RequestRefundAsync(transactionId, ct);
            });
        }
        finally
        {
            await done.CancelAsync();
            await counting.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private static void Report(
        List<RequestRow> rows, Dictionary<string, SimulatorStats> stats, BenchApp big, BenchApp[] others, DateTimeOffset releasedAt, int bigMostStartedInOneSecond)
    {
        var answered = rows.Where(row => row.State == "Answered" && row.AnsweredAt is not null).ToList();
        var end = rows.Max(row => row.AnsweredAt ?? row.UpdatedAt);
        var drain = end - releasedAt;
        var early = answered.Count(row => row.AnsweredAt < releasedAt + FirstSeconds);
        var perSecond = Enumerable.Range(0, (int)Math.Min(10, Math.Ceiling(drain.TotalSeconds)))
            .Select(s => answered.Count(row => row.AnsweredAt >= releasedAt.AddSeconds(s) && row.AnsweredAt < releasedAt.AddSeconds(s + 1)));
        Console.WriteLine("  results");
        Console.WriteLine($"    total time      {drain.TotalSeconds:F1} s from the release to the last request final");
        Console.WriteLine(
            $"    throughput      {answered.Count / drain.TotalSeconds:N0} answered/s over the whole drain, {early / FirstSeconds.TotalSeconds:N0}/s over the first {FirstSeconds.TotalSeconds:0} s");
        Console.WriteLine($"    per second      answered in each of the first seconds: {string.Join(", ", perSecond)}");

        var bigAnswered = answered.Where(row => row.AppId == big.Id).Select(row => row.AnsweredAt!.Value).Order().ToList();
        var bigStats = stats.GetValueOrDefault(big.BundleId) ?? new SimulatorStats(0, 0, 0, 0, 0, 0);
        var span = bigAnswered.Count > 1 ? bigAnswered[^1] - bigAnswered[0] : TimeSpan.Zero;
        Console.WriteLine(
            $"    big app         {bigAnswered.Count:N0} answered in {span.TotalSeconds:F1} s: {(span > TimeSpan.Zero ? bigAnswered.Count / span.TotalSeconds : 0):F1}/s " +
            "(answered / (last answered_at − first answered_at); the dispatcher's pace: PACE, 48/s unless set)");
        Console.WriteLine(
            $"    big app, Apple  {bigStats.Accepted:N0} × 202, {bigStats.TooManyRequests:N0} × 429 (goal 0), " +
            $"peak {bigStats.MaxReceivedPerSecond} received in one second (goal ≤ 50); {bigStats.Received:N0} calls in all");
        Console.WriteLine(
            $"    big app, sent   at most {bigMostStartedInOneSecond} attempts started in one second by RefundSaver's clock " +
            "(consumption_attempts.started_at; the API client's quick retries of a 429 are not rows)");

        var otherStats = others.Select(app => stats.GetValueOrDefault(app.BundleId) ?? new SimulatorStats(0, 0, 0, 0, 0, 0)).ToList();
        Console.WriteLine(
            $"    other apps      {answered.Count(row => row.AppId != big.Id):N0} answered; Apple: {otherStats.Sum(s => s.Accepted):N0} × 202, " +
            $"{otherStats.Sum(s => s.TooManyRequests):N0} × 429 in all (goal 0), highest peak {otherStats.Select(s => s.MaxReceivedPerSecond).DefaultIfEmpty().Max()} received in one second");

        var notAnswered = rows.Where(row => row.State != "Answered").ToList();
        Console.WriteLine($"    not answered    {notAnswered.Count:N0}{(notAnswered.Count == 0 ? "" : ": " + string.Join("; ", notAnswered.GroupBy(row => (row.State, row.StateReason)).Select(g => $"{g.Count()} {g.Key.State} ({g.Key.StateReason})")))}");
        var retried = rows.Count(row => row.Attempts > 1);
        var errors = otherStats.Append(bigStats).Sum(s => s.ClientErrors + s.ServerErrors);
        Console.WriteLine($"    retried         {retried:N0} requests took more than one attempt; Apple answered {errors:N0} other errors");
    }
}

internal sealed record BacklogSettings(int Apps, int PerApp, int Big, int Concurrency, int HoldMinutes, TimeSpan Timeout);
