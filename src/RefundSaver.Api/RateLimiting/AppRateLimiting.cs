using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using RefundSaver.Api.Authentication;

namespace RefundSaver.Api.RateLimiting;

/// <summary>
/// A token bucket per app (not per key, so that more keys buy no more capacity), and one per client
/// address for the webhook, which has no key to count by.
/// </summary>
public static partial class AppRateLimiting
{
    public const string PerAppPolicy = "PerApp";
    public const string PerClientAddressPolicy = "PerClientAddress";

    public static IServiceCollection AddAppRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<AppRateLimitOptions>().BindConfiguration(AppRateLimitOptions.Section);
        services.AddOptions<WebhookRateLimitOptions>().BindConfiguration(WebhookRateLimitOptions.Section);
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(PerAppPolicy, Partition);
            options.AddPolicy(PerClientAddressPolicy, PartitionByClientAddress);
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<AppRateLimitOptions>>().Value;
        var appId = context.User.FindFirstValue(AuthenticationSchemes.AppIdClaim);
        if (appId is null || limits.RequestsPerSecond <= 0)
        {
            // Unauthenticated requests are refused by authorization, which does not touch the database for them.
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        return TokenBucket(appId, limits.RequestsPerSecond, limits.Burst);
    }

    /// <summary>
    /// The connection's address: X-Forwarded-For counts only where the operator turned on ASP.NET
    /// Core's forwarded headers, which then rewrite this address. No address (a Unix socket) is not limited.
    /// </summary>
    private static RateLimitPartition<string> PartitionByClientAddress(HttpContext context)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<WebhookRateLimitOptions>>().Value;
        var address = context.Connection.RemoteIpAddress;
        return address is null || limits.RequestsPerSecond <= 0
            ? RateLimitPartition.GetNoLimiter(string.Empty)
            : TokenBucket(address.MapToIPv6().ToString(), limits.RequestsPerSecond, limits.Burst);
    }

    private static RateLimitPartition<string> TokenBucket(string key, int requestsPerSecond, int burst)
    {
        // Refill about ten times a second, in whole tokens, at exactly the configured rate.
        var tokensPerPeriod = Math.Max(1, requestsPerSecond / 10);
        return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, burst),
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokensPerPeriod / (double)requestsPerSecond),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AppRateLimiting));
        var appId = context.User.FindFirstValue(AuthenticationSchemes.AppIdClaim);
        if (appId is not null)
        {
            LogThrottled(logger, appId, context.Request.Path);
            await ThrottledResponse.WriteAsync(context, retryAfter, "this app sends more than its rate limit");
        }
        else
        {
            LogThrottledAddress(logger, context.Connection.RemoteIpAddress?.ToString(), context.Request.Path);
            await ThrottledResponse.WriteAsync(context, retryAfter, "this client address sends more than its rate limit");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Throttled app {AppId} on {Path}")]
    private static partial void LogThrottled(ILogger logger, string? appId, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Throttled client address {Address} on {Path}")]
    private static partial void LogThrottledAddress(ILogger logger, string? address, string path);
}
