using System.Text.Json;
using RefundSaver.Application.AppStore.Api;

namespace RefundSaver.Infrastructure.AppStore.Api;

/// <summary>Reads Apple's responses: the kind of an HTTP status, the error body, and the test-notification bodies.</summary>
internal static class AppStoreResponses
{
    public static AppStoreAnswerKind KindOf(int status) => status switch
    {
        >= 200 and < 300 => AppStoreAnswerKind.Accepted,
        401 => AppStoreAnswerKind.Unauthorized,
        408 => AppStoreAnswerKind.Timeout,
        429 => AppStoreAnswerKind.RateLimited,
        >= 500 => AppStoreAnswerKind.ServerError,
        _ => AppStoreAnswerKind.Rejected,
    };

    /// <summary>Apple's error body, <c>{"errorCode": 4040010, "errorMessage": "…"}</c>; nulls for anything else.</summary>
    public static (long? Code, string? Message) Error(string body)
    {
        using var document = Parse(body);
        if (document is null)
        {
            return (null, null);
        }

        var root = document.RootElement;
        long? code = root.TryGetProperty("errorCode", out var codeElement) ? codeElement.ValueKind switch
        {
            JsonValueKind.Number when codeElement.TryGetInt64(out var number) => number,
            JsonValueKind.String when long.TryParse(codeElement.GetString(), out var number) => number,
            _ => null,
        } : null;
        var message = root.TryGetProperty("errorMessage", out var messageElement) && messageElement.ValueKind == JsonValueKind.String
            ? messageElement.GetString()
            : null;
        return (code, message);
    }

    /// <summary>Request a Test Notification's <c>{"testNotificationToken": "…"}</c>.</summary>
    public static string? TestNotificationToken(string body)
    {
        using var document = Parse(body);
        return document is not null
            && document.RootElement.TryGetProperty("testNotificationToken", out var token)
            && token.ValueKind == JsonValueKind.String
                ? token.GetString()
                : null;
    }

    /// <summary>Get Test Notification Status's <c>{"signedPayload": "…", "sendAttempts": [{"attemptDate": ms, "sendAttemptResult": "…"}]}</c>.</summary>
    public static TestNotificationStatus? TestNotificationStatus(string body)
    {
        using var document = Parse(body);
        if (document is null)
        {
            return null;
        }

        var root = document.RootElement;
        var signedPayload = root.TryGetProperty("signedPayload", out var payload) && payload.ValueKind == JsonValueKind.String
            ? payload.GetString()
            : null;
        var attempts = new List<TestNotificationAttempt>();
        if (root.TryGetProperty("sendAttempts", out var sendAttempts) && sendAttempts.ValueKind == JsonValueKind.Array)
        {
            foreach (var attempt in sendAttempts.EnumerateArray())
            {
                if (attempt.ValueKind == JsonValueKind.Object
                    && attempt.TryGetProperty("attemptDate", out var date)
                    && date.ValueKind == JsonValueKind.Number
                    && date.TryGetInt64(out var milliseconds)
                    && milliseconds >= 0
                    && milliseconds <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
                {
                    var result = attempt.TryGetProperty("sendAttemptResult", out var resultElement) && resultElement.ValueKind == JsonValueKind.String
                        ? resultElement.GetString()!
                        : "OTHER";
                    attempts.Add(new TestNotificationAttempt(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), result));
                }
            }
        }

        return new TestNotificationStatus(signedPayload, attempts);
    }

    public static string? Truncate(string body) =>
        body.Length == 0 ? null
        : body.Length <= AppStoreAnswer.MaxResponseBodyLength ? body
        : body[..AppStoreAnswer.MaxResponseBodyLength];

    private static JsonDocument? Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
