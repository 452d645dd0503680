using Microsoft.Extensions.Logging;
using RefundSaver.Application.AppStore;
using StackExchange.Redis;

namespace RefundSaver.Infrastructure.Redis;

/// <summary>
/// Marks of committed notifications, kept a week (Apple's retries end after about 6 days), in this
/// database's keyspace (<see cref="RedisKeyspace"/>).
/// </summary>
internal sealed partial class RedisProcessedNotifications(
    IConnectionMultiplexer redis, RedisKeyspace keyspace, ILogger<RedisProcessedNotifications> logger)
    : IProcessedNotifications
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    public async Task<bool> IsProcessedAsync(Guid notificationUuid)
    {
        if (Key(notificationUuid) is not { } key)
        {
            return false;
        }

        try
        {
            return await redis.GetDatabase().KeyExistsAsync(key);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogUnavailable(logger, exception.Message);
            return false;
        }
    }

    public void MarkProcessed(Guid notificationUuid)
    {
        if (Key(notificationUuid) is not { } key)
        {
            return;
        }

        try
        {
            redis.GetDatabase().StringSet(key, "1", Retention, flags: CommandFlags.FireAndForget);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogUnavailable(logger, exception.Message);
        }
    }

    private RedisKey? Key(Guid notificationUuid) =>
        keyspace.Prefix is { } prefix ? new RedisKey(prefix + "notification:" + notificationUuid.ToString("N")) : (RedisKey?)null;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Redis is unavailable, the database alone decides duplicates: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
