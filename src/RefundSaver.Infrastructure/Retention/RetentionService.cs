using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace RefundSaver.Infrastructure.Retention;

/// <summary>Runs <see cref="RetentionPurge"/> at start and then every <see cref="RetentionOptions.IntervalMinutes"/>.</summary>
internal sealed partial class RetentionService(
    RetentionPurge purge, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(options.Value.IntervalMinutes);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await purge.PurgeAsync(stoppingToken) is > 0 and var changed)
                {
                    LogPurged(logger, changed, options.Value.Days);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                LogPurgeFailed(logger, exception); // the next round catches up
            }

            await Task.Delay(interval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: removed customer data from {Rows} rows older than {Days} days")]
    private static partial void LogPurged(ILogger logger, int rows, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention: the purge failed; it runs again at the next interval")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
