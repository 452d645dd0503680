using Microsoft.Extensions.Logging;
using RefundSaver.Application.AppStore;
using StackExchange.Redis;

namespace RefundSaver.Infrastructure.Redis;

/// <summary>Marks of committed notifications, kept a week (Apple's retries end after about 6 days).</summary>
internal sealed partial class RedisProcessedNotifications(IConnectionMultiplexer redis, ILogger<RedisProcessedNotifications> logger)
    : IProcessedNotifications
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    public async Task<bool> IsProcessedAsync(Guid notificationUuid)
    {
        try
        {
            return await redis.GetDatabase().KeyExistsAsync(Key(notificationUuid));
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogUnavailable(logger, exception.Message);
            return false;
        }
    }

    public void MarkProcessed(Guid notificationUuid)
    {
        try
        {
            redis.GetDatabase().StringSet(Key(notificationUuid), "1", Retention, flags: CommandFlags.FireAndForget);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogUnavailable(logger, exception.Message);
        }
    }

    private static RedisKey Key(Guid notificationUuid) => "rs:notification:" + notificationUuid.ToString("N");

    [LoggerMessage(Level = LogLevel.Debug, Message = "Redis is unavailable, the database alone decides duplicates: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
