using System.Diagnostics;

namespace RefundSaver.Bench;

/// <summary>
/// Phase 2: refund requests of one app without hold, one at a time (each after the previous one is
/// answered) or at a fixed rate. For each, the time from the simulator's first attempt at delivering
/// the CONSUMPTION_REQUEST to its receiving RefundSaver's answer (the call it answered 202), both
/// on the simulator's clock; split at the row's created_at into webhook and dispatcher.
/// </summary>
internal sealed class OneByOnePhase(SystemClient client, RequestsTable table, OneByOneSettings settings)
{
    private static readonly TimeSpan Goal = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    public async Task RunAsync(string runId, CancellationToken cancellationToken)
    {
        var pace = settings.Rate > 0 ? $"at a fixed {settings.Rate:0.##}/s" : "each after the previous one is answered";
        Console.WriteLine();
        Console.WriteLine($"== 2. One by one: {settings.Count} refund requests of a fresh app without hold, {pace}");
        var app = await client.CreateAppAsync($"com.example.dispatch.{runId}.single", reviewDelayMinutes: 0, cancellationToken);
        var transactions = new string[settings.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(
            Enumerable.Range(0, settings.Count), parallel, async (i, ct) => transactions[i] = await client.PurchaseAsync(app.BundleId, ct));
        await Poll.WaitUntilAsync("the purchases' notifications are delivered", settings.Timeout, async ct =>
        {
            var (delivered, all) = await client.DeliveredAsync(app.BundleId, ct);
            return (delivered == settings.Count, $"{delivered} of {all} delivered");
        }, cancellationToken);

        var clock = Stopwatch.StartNew();
        if (settings.Rate > 0)
        {
            await Task.WhenAll(transactions.Select(async (transactionId, i) =>
            {
                var wait = TimeSpan.FromSeconds(i / settings.Rate) - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }

                await RequestAndWaitAsync(app, transactionId, cancellationToken);
            }));
        }
        else
        {
            foreach (var transactionId in transactions)
            {
                await RequestAndWaitAsync(app, transactionId, cancellationToken);
            }
        }

        Console.WriteLine($"  sent          {settings.Count} refund requests, all answered, in {clock.Elapsed.TotalSeconds:F1} s");
        var rows = (await table.RowsAsync([app.Id], cancellationToken)).ToDictionary(row => row.TransactionId, StringComparer.Ordinal);
        List<TimeSpan> total = [], webhook = [], dispatcher = [];
        foreach (var transactionId in transactions)
        {
            var sent = await client.FirstDeliveryAttemptAsync(transactionId, "CONSUMPTION_REQUEST", cancellationToken)
                ?? throw new BenchFailure($"The simulator shows no delivery attempt of transaction {transactionId}'s CONSUMPTION_REQUEST.");
            var accepted = (await client.AcceptedAtAsync(transactionId, cancellationToken))!.Value;
            total.Add(accepted - sent);
            if (rows.TryGetValue(transactionId, out var row))
            {
                webhook.Add(row.CreatedAt - sent);
                dispatcher.Add(accepted - row.CreatedAt);
            }
        }

        var p99 = Percentiles.Of([.. total.Order()], 0.99);
        Console.WriteLine("  results (notification sent → Apple's 202 received, on the simulator's clock)");
        Console.WriteLine($"    send → 202      {Percentiles.Describe(total)}  (goal p99 < {Goal.TotalSeconds:0} s: {(p99 < Goal ? "met" : "NOT MET")})");
        Console.WriteLine($"    of which        webhook (send → row created_at): {Percentiles.Describe(webhook)}");
        Console.WriteLine($"                    dispatcher (created_at → 202):   {Percentiles.Describe(dispatcher)}");
    }

    private async Task RequestAndWaitAsync(BenchApp app, string transactionId, CancellationToken cancellationToken)
    {
        await client.RequestRefundAsync(transactionId, cancellationToken);
        var waited = Stopwatch.StartNew();
        while (await client.AcceptedAtAsync(transactionId, cancellationToken) is null)
        {
            if (waited.Elapsed > settings.AnswerTimeout)
            {
                var row = (await table.RowsAsync([app.Id], cancellationToken)).FirstOrDefault(r => r.TransactionId == transactionId);
                throw new BenchFailure(
                    $"Transaction {transactionId}'s consumption request got no 202 within {settings.AnswerTimeout.TotalSeconds:0} s; " +
                    (row is null ? "RefundSaver has no row for it." : $"its row is {row.State} ({row.StateReason}), {row.Attempts} attempts."));
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}

internal sealed record OneByOneSettings(int Count, double Rate, int Concurrency, TimeSpan AnswerTimeout, TimeSpan Timeout);
