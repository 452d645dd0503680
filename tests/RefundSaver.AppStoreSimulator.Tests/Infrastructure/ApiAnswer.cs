using System.Net;
using System.Text.Json;

namespace RefundSaver.AppStoreSimulator.Tests.Infrastructure;

/// <summary>Reads an App Store Server API answer: status, Apple's errorCode and errorMessage, Retry-After.</summary>
public sealed record ApiAnswer(HttpStatusCode Status, long? ErrorCode, string? ErrorMessage, string? ContentType, long? RetryAfter)
{
    public static async Task<ApiAnswer> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        long? code = null;
        string? message = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/json" && text.Length > 0)
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.TryGetProperty("errorCode", out var errorCode))
            {
                code = errorCode.GetInt64();
            }

            message = json.RootElement.TryGetProperty("errorMessage", out var errorMessage) ? errorMessage.GetString() : null;
        }

        long? retryAfter = response.Headers.TryGetValues("Retry-After", out var values) ? long.Parse(values.Single(), System.Globalization.CultureInfo.InvariantCulture) : null;
        return new ApiAnswer(response.StatusCode, code, message, response.Content.Headers.ContentType?.ToString(), retryAfter);
    }
}
