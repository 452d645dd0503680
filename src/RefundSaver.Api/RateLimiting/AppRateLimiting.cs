using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using RefundSaver.Api.Authentication;
using RefundSaver.Api.Errors;

namespace RefundSaver.Api.RateLimiting;

/// <summary>A token bucket per app (not per key, so that more keys buy no more capacity).</summary>
public static partial class AppRateLimiting
{
    public const string PerAppPolicy = "PerApp";

    public static IServiceCollection AddAppRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<AppRateLimitOptions>().BindConfiguration(AppRateLimitOptions.Section);
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(PerAppPolicy, Partition);
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

        // Refill about ten times a second, in whole tokens, at exactly the configured rate.
        var tokensPerPeriod = Math.Max(1, limits.RequestsPerSecond / 10);
        return RateLimitPartition.GetTokenBucketLimiter(appId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, limits.Burst),
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokensPerPeriod / (double)limits.RequestsPerSecond),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AppRateLimiting));
        LogThrottled(logger, context.User.FindFirstValue(AuthenticationSchemes.AppIdClaim), context.Request.Path);
        await ApiErrors.Single(
                StatusCodes.Status429TooManyRequests,
                "throttled",
                $"Request was throttled: this app sends more than its rate limit. Expected available in {seconds} second(s).")
            .ExecuteAsync(context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Throttled app {AppId} on {Path}")]
    private static partial void LogThrottled(ILogger logger, string? appId, string path);
}
