using Microsoft.Extensions.Hosting;

namespace RefundSaver.AppHost;

/// <summary>
/// With <c>AppHost:EchoLogs=true</c>, every resource's console output is printed here too, as
/// <c>[name] line</c>: for a machine without a browser, and for CI logs.
/// </summary>
internal sealed class ResourceLogEcho(DistributedApplicationModel model, ResourceLoggerService logs) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(model.Resources.Select(resource => EchoAsync(resource, stoppingToken)));

    private async Task EchoAsync(IResource resource, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var batch in logs.WatchAsync(resource).WithCancellation(stoppingToken))
            {
                foreach (var line in batch)
                {
                    await Console.Out.WriteLineAsync($"[{resource.Name}] {line.Content}");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
