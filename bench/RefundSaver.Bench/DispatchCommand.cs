using Npgsql;

namespace RefundSaver.Bench;

/// <summary>
/// The dispatcher's benchmark against a running AppHost (see bench/dispatch.sh): (1) a backlog of
/// held requests of many apps released at once, (2) requests one by one. Flags: --api, --appstore
/// and --postgres (the AppHost's resources' URLs), --data (its data directory), --apps (100), --per-app (100), --big
/// (2000), --concurrency (32), --hold-minutes (600), --one-by-one (200; 0 skips phase 2), --rate (0: each after the
/// previous one is answered), --timeout (180s, each wait), --answer-timeout (10s, one request in phase 2).
/// Exits 1 with a message when the system is not there or requests get stuck.
/// </summary>
internal static class DispatchCommand
{
    public static async Task<int> RunAsync(Flags flags)
    {
        var timeout = flags.Duration("timeout", TimeSpan.FromSeconds(180));
        var concurrency = flags.Int("concurrency", 32);
        var backlog = new BacklogSettings(
            flags.Int("apps", 100), flags.Int("per-app", 100), flags.Int("big", 2000), concurrency, flags.Int("hold-minutes", 600), timeout);
        var oneByOne = new OneByOneSettings(
            flags.Int("one-by-one", 200), flags.Double("rate", 0), concurrency, flags.Duration("answer-timeout", TimeSpan.FromSeconds(10)), timeout);

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2, UseCookies = false };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        try
        {
            var system = await SystemUnderTest.DiscoverAsync(
                new Uri(flags.Required("api")), new Uri(flags.Required("appstore")), new Uri(flags.Required("postgres")), flags.Required("data"), cancel.Token);
            Console.WriteLine($"API {system.Api}, App Store simulator {system.AppStore}");
            await using var database = NpgsqlDataSource.Create(system.DatabaseConnectionString);
            var client = new SystemClient(http, system);
            var table = new RequestsTable(database);
            var runId = Guid.NewGuid().ToString("N")[..8];
            await new BacklogPhase(client, table, backlog).RunAsync(runId, cancel.Token);
            if (oneByOne.Count > 0)
            {
                await new OneByOnePhase(client, table, oneByOne).RunAsync(runId, cancel.Token);
            }
            return 0;
        }
        catch (BenchFailure failure)
        {
            Console.Error.WriteLine($"FAILED: {failure.Message}");
            return 1;
        }
        catch (HttpRequestException exception)
        {
            Console.Error.WriteLine($"FAILED: the system did not answer: {exception.Message}");
            return 1;
        }
    }
}
