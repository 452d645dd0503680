using System.Text.Json;

namespace RefundSaver.AppStoreSimulator.AppleApi;

/// <summary>
/// Writes an <see cref="AppleAnswer"/> as Apple does: 401 as plain text without an error code, other
/// errors as <c>application/json</c> <c>{"errorCode","errorMessage"}</c>, 429 with <c>Retry-After</c>,
/// 202 empty. <c>X-Simulator-Reason</c> says why, for people reading the simulator's answers.
/// </summary>
public sealed class AppleApiResult(AppleAnswer answer) : IResult, IStatusCodeHttpResult
{
    public const string ReasonHeader = "X-Simulator-Reason";

    public AppleAnswer Answer { get; } = answer;

    public int? StatusCode => Answer.Status;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = Answer.Status;
        if (Answer.Reason is { } reason)
        {
            response.Headers[ReasonHeader] = HeaderSafe(reason);
        }

        if (Answer.RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (Answer.Status == StatusCodes.Status401Unauthorized)
        {
            response.ContentType = "text/plain";
            await response.WriteAsync($"Unauthenticated\n\nRequest ID: {httpContext.TraceIdentifier}.\n", httpContext.RequestAborted);
            return;
        }

        if (Answer.Error is { } error)
        {
            response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(
                response.Body, new AppleErrorBody(Answer.ErrorCode, error.Message), cancellationToken: httpContext.RequestAborted);
        }
    }

    /// <summary>A reason may quote what the caller sent: only printable ASCII goes into a header.</summary>
    private static string HeaderSafe(string reason) =>
        string.Create(Math.Min(reason.Length, 500), reason, (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = source[i] is >= ' ' and <= '~' ? source[i] : '?';
            }
        });
}
