using System.Globalization;
using System.Net.Http.Headers;

namespace RefundSaver.Infrastructure.AppStore.Api;

/// <summary>
/// Reads <c>Retry-After</c> as the App Store Server API sends it, a UNIX time in milliseconds, and
/// as HTTP defines it, delta-seconds or an HTTP date, in case Apple ever sends those.
/// </summary>
internal static class RetryAfterHeader
{
    /// <summary>Numbers from here up are milliseconds since the epoch (1973 onwards).</summary>
    private const long SmallestEpochMilliseconds = 100_000_000_000;

    /// <summary>Numbers up to here are delta-seconds (about three years); those in between mean nothing we know.</summary>
    private const long LargestDeltaSeconds = 100_000_000;

    public static DateTimeOffset? Parse(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (!headers.NonValidated.TryGetValues("Retry-After", out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            if (Parse(value, now) is { } retryAfter)
            {
                return retryAfter;
            }
        }

        return null;
    }

    public static DateTimeOffset? Parse(string? value, DateTimeOffset now)
    {
        value = value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            if (number >= SmallestEpochMilliseconds)
            {
                return number <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() ? DateTimeOffset.FromUnixTimeMilliseconds(number) : null;
            }

            return number <= LargestDeltaSeconds ? now.AddSeconds(number) : null;
        }

        return DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            || DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date)
                ? date
                : null;
    }
}
