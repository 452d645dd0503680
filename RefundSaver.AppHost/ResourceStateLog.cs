using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RefundSaver.AppHost;

/// <summary>
/// Prints each resource's state as it changes (with its URL once running, its exit code when it
/// ends), so the console tells what the dashboard shows: what is up, what failed, and where.
/// </summary>
internal sealed partial class ResourceStateLog(ResourceNotificationService notifications, ILogger<ResourceStateLog> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Dictionary<string, string> lastStates = [];
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                var snapshot = update.Snapshot;
                var state = snapshot.State?.Text ?? "";
                var health = snapshot.HealthStatus?.ToString() ?? "";
                var line = $"{state} {health}";
                if (state.Length == 0 || (lastStates.TryGetValue(update.ResourceId, out var last) && last == line))
                {
                    continue;
                }

                lastStates[update.ResourceId] = line;
                var urls = string.Join(" ", snapshot.Urls.Where(url => !url.IsInternal).Select(url => url.Url));
                LogState(logger, update.Resource.Name, state, health, urls, snapshot.ExitCode?.ToString() ?? "");
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Resource,-14} {State} {Health} {Urls} {ExitCode}")]
    private static partial void LogState(ILogger logger, string resource, string state, string health, string urls, string exitCode);
}
