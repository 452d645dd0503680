using System.Globalization;
using RefundSaver.Api.Errors;

namespace RefundSaver.Api.RateLimiting;

/// <summary>The one 429 of the API: <c>Retry-After</c> in whole seconds and the documented <c>throttled</c> body.</summary>
internal static class ThrottledResponse
{
    public static Task WriteAsync(HttpContext context, TimeSpan retryAfter, string reason)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return ApiErrors.Single(
                StatusCodes.Status429TooManyRequests,
                "throttled",
                $"Request was throttled: {reason}. Expected available in {seconds} second(s).")
            .ExecuteAsync(context);
    }
}
