using System.Text.RegularExpressions;
using RefundSaver.AppHost.Tests.Infrastructure;
using RefundSaver.TestSupport.Aspire;

namespace RefundSaver.AppHost.Tests;

/// <summary>Stopping the AppHost (Ctrl+C) and starting it again on the same data directory.</summary>
public sealed partial class LifecycleTests
{
    [Fact]
    public async Task Restart_WhenTheAppHostStopsAndStartsAgain_ShouldStopEverythingCleanlyKeepTheDataAndLogNoError()
    {
        using var data = new TemporaryDirectory();
        string appId;
        IReadOnlyList<ResourceLogLine> firstRun;
        await using (var first = await RunningAppHost.StartAsync(data.Path))
        {
            using var api = first.CreateApiClient();
            appId = (await api.PostJsonAsync("/admin/api/apps", new { name = "Kept", bundle_id = "com.example.kept" }))["id"]!.GetValue<string>();
            await first.StopAsync();
            firstRun = first.Logs;
        }

        var leftBehind = ProcessesUsing(data.Path);
        await using var second = await RunningAppHost.StartAsync(data.Path);
        using var secondApi = second.CreateApiClient();
        var kept = await secondApi.GetJsonAsync($"/admin/api/apps/{appId}");
        await second.StopAsync();
        var everything = firstRun.Concat(second.Logs).ToList();

        leftBehind.ShouldBeEmpty();
        kept["bundle_id"]!.GetValue<string>().ShouldBe("com.example.kept");
        // The orchestrator stops streaming a log when it stops its resource, so how the first run
        // stopped PostgreSQL is read from PostgreSQL's first words at the second start.
        var postgres = string.Join('\n', second.Logs.Where(line => line.Resource == "postgres").Select(line => line.Content));
        postgres.ShouldContain("database system was shut down at", customMessage: postgres);
        everything.Where(line => ErrorLine().IsMatch(line.Content)).Select(line => $"[{line.Resource}] {line.Content}").ShouldBeEmpty();
        // Npgsql logs every command with its SQL at Information: the webhook's batch statement,
        // logged and exported per batch, cost a third of its throughput (docs/benchmarks.md).
        everything.Where(line => line.Resource == "api" && line.Content.Contains("Npgsql.Command", StringComparison.Ordinal))
            .Select(line => line.Content).ShouldBeEmpty();
    }

    /// <summary>An error-level line of .NET's console logger (coloured or not), PostgreSQL's or Redis's, or a stack trace.</summary>
    [GeneratedRegex(@"(^|\u001b\[[0-9;]*m|\s)(fail|crit)(\u001b\[[0-9;]*m)*:|\b(ERROR|FATAL|PANIC):|Exception\b|^\s+at \S+\(")]
    private static partial Regex ErrorLine();

    /// <summary>Processes whose command line names the data directory: the servers the AppHost started there.</summary>
    private static List<string> ProcessesUsing(string dataDirectory) =>
        [.. Directory.GetDirectories("/proc")
            .Where(directory => int.TryParse(Path.GetFileName(directory), out _))
            .Select(directory => ReadCommandLine(Path.Combine(directory, "cmdline")))
            .Where(commandLine => commandLine.Contains(dataDirectory, StringComparison.Ordinal))];

    private static string ReadCommandLine(string path)
    {
        try
        {
            return File.ReadAllText(path).Replace('\0', ' ');
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}
