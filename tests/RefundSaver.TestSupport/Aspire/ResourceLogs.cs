using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace RefundSaver.TestSupport.Aspire;

/// <summary>Every line that an application's resources print, as they print it.</summary>
public static class ResourceLogs
{
    /// <summary>Hands each line of each resource to <paramref name="read"/> until <paramref name="stop"/>; await the tasks for the last lines.</summary>
    public static IReadOnlyList<Task> Watch(DistributedApplication application, Action<ResourceLogLine> read, CancellationToken stop)
    {
        var loggers = application.Services.GetRequiredService<ResourceLoggerService>();
        return application.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .Select(resource => Task.Run(async () =>
            {
                try
                {
                    await foreach (var batch in loggers.WatchAsync(resource).WithCancellation(stop))
                    {
                        foreach (var line in batch)
                        {
                            read(new ResourceLogLine(resource.Name, line.Content));
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                }
            }))
            .ToList();
    }
}
