using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace RefundSaver.Bench;

/// <summary>
/// Posts distinct, pre-signed App Store notifications to the webhook (or to verify-host's /verify)
/// over a fixed number of connections, as fast as possible (--rate 0) or open-loop at a fixed rate
/// (latency counted from each request's scheduled time, so a stall is not hidden by sending less).
/// Flags: --url, --path (/webhooks/app-store), --chain (dir from `chain`), --admin-token (creates
/// the app; not needed for /verify), --rate (0), --arrivals (even or poisson, with --rate),
/// --duration (15s), --warmup (5s), --connections (64), --count (notifications to pre-sign; enough
/// for the run by default), --consumption-share (0.5), --environment (Sandbox).
/// </summary>
internal static class LoadCommand
{
    private const string MediaType = "application/json";

    public static async Task<int> RunAsync(Flags flags)
    {
        var baseUrl = new Uri(flags.Required("url").TrimEnd('/') + "/");
        var path = flags.String("path", "/webhooks/app-store");
        var rate = flags.Double("rate", 0);
        var poisson = flags.String("arrivals", "even") switch
        {
            "even" => false,
            "poisson" => true,
            var other => throw new ArgumentException($"--arrivals must be even or poisson, not '{other}'."),
        };
        var duration = flags.Duration("duration", TimeSpan.FromSeconds(15));
        var warmup = flags.Duration("warmup", TimeSpan.FromSeconds(5));
        var connections = flags.Int("connections", 64);
        var consumptionShare = flags.Double("consumption-share", 0.5);
        var environment = flags.String("environment", "Sandbox");
        var totalSeconds = (duration + warmup).TotalSeconds;
        // As fast as it goes: enough for 9,000/s (above what verification alone reaches here), so that
        // every notification sent is new; a repeat would take the cheap duplicate path.
        var count = flags.Int("count", (int)((rate > 0 ? rate * 1.05 : 9_000) * totalSeconds) + connections);

        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) }; // the admin API only

        var bundleId = $"com.example.bench.{Guid.NewGuid():N}"[..40];
        var appAppleId = Random.Shared.NextInt64(1_000_000_000, 9_000_000_000);
        if (flags.Optional("admin-token") is { } adminToken)
        {
            await CreateAppAsync(http, adminToken, bundleId, appAppleId);
        }

        var signer = ChainFiles.Signer(flags.Required("chain"));
        var clock = Stopwatch.StartNew();
        var bodies = new byte[count][];
        var consumptionRequests = 0;
        var nowMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var transactionBase = nowMs * 1000;
        Parallel.For(0, count, i =>
        {
            var consumption = (i * 7919 % 1000) < consumptionShare * 1000; // spread, not blocks
            var transactionId = (transactionBase + i).ToString(CultureInfo.InvariantCulture);
            var transaction = signer.Sign(
                $$"""{"transactionId":"{{transactionId}}","originalTransactionId":"{{transactionId}}","bundleId":"{{bundleId}}","productId":"coins.100","type":"Consumable","price":4990,"currency":"USD","purchaseDate":{{nowMs - 3_600_000}},"environment":"{{environment}}","signedDate":{{nowMs}}}""");
            var type = consumption ? "CONSUMPTION_REQUEST" : "ONE_TIME_CHARGE";
            var reason = consumption ? ",\"consumptionRequestReason\":\"UNINTENDED_PURCHASE\"" : "";
            var notification = signer.Sign(
                $$"""{"notificationType":"{{type}}","notificationUUID":"{{Guid.NewGuid()}}","version":"2.0","signedDate":{{nowMs}},"data":{"appAppleId":{{appAppleId}},"bundleId":"{{bundleId}}","environment":"{{environment}}","signedTransactionInfo":"{{transaction}}"{{reason}}""" + "}}");
            bodies[i] = Encoding.UTF8.GetBytes($$"""{"signedPayload":"{{notification}}"}""");
            if (consumption)
            {
                Interlocked.Increment(ref consumptionRequests);
            }
        });
        Console.WriteLine(
            $"Pre-signed {count:N0} distinct notifications ({consumptionRequests:N0} CONSUMPTION_REQUEST, the rest ONE_TIME_CHARGE; " +
            $"{bodies[0].Length:N0} bytes each) in {clock.Elapsed.TotalSeconds:F1} s; bundle id {bundleId}.");

        var state = new RunState([.. Enumerable.Range(0, connections).Select(_ => new PostConnection(baseUrl, path))], bodies);
        var mode = rate > 0 ? $"{rate:N0}/s open-loop, {(poisson ? "Poisson" : "evenly spaced")} arrivals" : "as fast as possible";
        if (warmup > TimeSpan.Zero)
        {
            Console.WriteLine($"Warming up {warmup.TotalSeconds:F0} s ({mode}, {connections} connections; not counted).");
            await RunPhaseAsync(state, rate, poisson, warmup);
        }

        Console.WriteLine($"Measuring {duration.TotalSeconds:F0} s ({mode}, {connections} connections, POST {path}).");
        var cpu = ProcessCpu.Start();
        var result = await RunPhaseAsync(state, rate, poisson, duration);
        result.Print(rate > 0);
        if (cpu.PerNotification(result.Latencies.Count) is { } perNotification)
        {
            Console.WriteLine($"  cpu each        {perNotification}");
        }
        return 0;
    }

    private static async Task CreateAppAsync(HttpClient http, string adminToken, string bundleId, long appAppleId)
    {
        using var create = new HttpRequestMessage(HttpMethod.Post, "admin/api/apps")
        {
            Content = new StringContent($$"""{"name":"webhook bench","bundle_id":"{{bundleId}}"}""", Encoding.UTF8, MediaType),
        };
        create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        using var created = await http.SendAsync(create);
        var body = await created.Content.ReadAsStringAsync();
        if (created.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"creating the app: {(int)created.StatusCode} {body}");
        }

        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").ToString();
        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"admin/api/apps/{id}")
        {
            Content = new StringContent(
                $$"""{"apple_app_id":{{appAppleId}},"environments":["Sandbox","Production"]}""", Encoding.UTF8, MediaType),
        };
        patch.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        using var patched = await http.SendAsync(patch);
        if (!patched.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"setting the app's apple_app_id: {(int)patched.StatusCode} {await patched.Content.ReadAsStringAsync()}");
        }

        Console.WriteLine($"Created app {id} ({bundleId}, apple_app_id {appAppleId}).");
    }

    private static Task<PhaseResult> RunPhaseAsync(RunState state, double rate, bool poisson, TimeSpan duration) =>
        rate > 0 ? RunAtRateAsync(state, rate, poisson, duration) : RunFlatOutAsync(state, duration);

    /// <summary>Each connection sends its next request as soon as it has the answer to the last.</summary>
    private static async Task<PhaseResult> RunFlatOutAsync(RunState state, TimeSpan duration)
    {
        var result = new PhaseResult();
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = state.Connections.Select(connection => Task.Run(async () =>
        {
            var latencies = new List<long>(4096);
            while (Stopwatch.GetTimestamp() is var sent && sent < end)
            {
                await state.SendOneAsync(connection, result);
                latencies.Add(Stopwatch.GetTimestamp() - sent);
            }

            lock (result)
            {
                result.Latencies.AddRange(latencies);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        result.Elapsed = Stopwatch.GetElapsedTime(start);
        return result;
    }

    /// <summary>
    /// The pacer sends each request itself at its due time on an idle connection; when every
    /// connection is busy it waits for one, and the wait counts in the latency.
    /// </summary>
    private static async Task<PhaseResult> RunAtRateAsync(RunState state, double rate, bool poisson, TimeSpan duration)
    {
        var result = new PhaseResult();
        using var idle = new BlockingCollection<PostConnection>(new ConcurrentQueue<PostConnection>(state.Connections));
        var answers = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Pacer.RunAsync(start, end, rate, poisson, due =>
        {
            var connection = idle.Take();
            answers.Add(AnswerAsync(connection, due, Stopwatch.GetTimestamp()));
        });
        await Task.WhenAll(answers);
        result.Elapsed = Stopwatch.GetElapsedTime(start);
        return result;

        async Task AnswerAsync(PostConnection connection, long due, long sent)
        {
            await state.SendNowAsync(connection, result);
            var done = Stopwatch.GetTimestamp();
            lock (result)
            {
                result.Latencies.Add(done - due);
                result.ServiceTimes.Add(done - sent);
            }

            idle.Add(connection);
        }
    }

    private sealed class RunState(PostConnection[] connections, byte[][] bodies)
    {
        private long _next = -1;

        public PostConnection[] Connections => connections;

        public Task SendOneAsync(PostConnection connection, PhaseResult result) =>
            RecordAsync(connection.PostAsync(NextBody(result)), result);

        public Task SendNowAsync(PostConnection connection, PhaseResult result)
        {
            var body = NextBody(result);
            try
            {
                connection.Send(body);
            }
            catch (Exception e) when (IsFailure(e))
            {
                return RecordAsync(Task.FromException<(int, ArraySegment<byte>)>(e), result);
            }

            return RecordAsync(connection.ReadAnswerAsync(), result);
        }

        private static bool IsFailure(Exception e) => e is IOException or SocketException or InvalidDataException or FormatException;

        private static async Task RecordAsync(Task<(int Status, ArraySegment<byte> Body)> answer, PhaseResult result)
        {
            string key;
            string? failure = null;
            try
            {
                var (status, body) = await answer;
                key = status.ToString(CultureInfo.InvariantCulture);
                if (status != (int)HttpStatusCode.OK)
                {
                    failure = $"{key}: {Encoding.UTF8.GetString(body)}";
                }
                else if (body.AsSpan().IndexOf("\"duplicate\":true"u8) >= 0)
                {
                    key = "200 (duplicate)";
                }
            }
            catch (Exception e) when (IsFailure(e))
            {
                key = e.GetType().Name;
                failure = $"{key}: {e.Message}";
            }

            result.Statuses.AddOrUpdate(key, 1, (_, n) => n + 1);
            if (failure is not null && result.Failures.Count < 5)
            {
                result.Failures.Enqueue(failure.Length > 300 ? failure[..300] : failure);
            }
        }

        private byte[] NextBody(PhaseResult result)
        {
            var i = Interlocked.Increment(ref _next);
            if (i >= bodies.Length)
            {
                Interlocked.Increment(ref result.Repeats); // ran out of distinct notifications: sends one again
            }

            return bodies[i % bodies.Length];
        }
    }

    private sealed class PhaseResult
    {
        public long Repeats;

        public ConcurrentDictionary<string, long> Statuses { get; } = new();

        public ConcurrentQueue<string> Failures { get; } = new();

        public List<long> Latencies { get; } = [];

        public List<long> ServiceTimes { get; } = [];

        public TimeSpan Elapsed { get; set; }

        public void Print(bool openLoop)
        {
            var sent = Latencies.Count;
            var ok = Statuses.GetValueOrDefault("200");
            Console.WriteLine($"  sent            {sent:N0} in {Elapsed.TotalSeconds:F1} s");
            Console.WriteLine($"  statuses        {string.Join(", ", Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value:N0}"))}");
            foreach (var failure in Failures)
            {
                Console.WriteLine($"  first failures  {failure}");
            }

            if (Repeats > 0)
            {
                Console.WriteLine($"  WARNING         ran out of pre-signed notifications: {Repeats:N0} sent again (raise --count)");
            }

            Console.WriteLine($"  throughput      {sent / Elapsed.TotalSeconds:N0} requests/s, {ok / Elapsed.TotalSeconds:N0} accepted (200, not duplicate)/s");
            Console.WriteLine($"  latency         {Percentiles(Latencies)}{(openLoop ? "  (from the scheduled send time)" : "")}");
            if (openLoop)
            {
                Console.WriteLine($"  service time    {Percentiles(ServiceTimes)}  (from the actual send)");
            }
        }

        private static string Percentiles(List<long> ticks)
        {
            if (ticks.Count == 0)
            {
                return "n/a";
            }

            ticks.Sort();
            string Ms(double q) =>
                (ticks[Math.Min(ticks.Count - 1, (int)(q * ticks.Count))] * 1000.0 / Stopwatch.Frequency).ToString("F2", CultureInfo.InvariantCulture);
            return $"p50 {Ms(0.50)} ms, p90 {Ms(0.90)} ms, p99 {Ms(0.99)} ms, max {Ms(1.0)} ms";
        }
    }
}
