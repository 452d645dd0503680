namespace RefundSaver.Application.AppStore.Api;

/// <summary>
/// Apple's answer to one call (after the client's quick inline retries), with what the caller needs
/// to store it and to decide when to try again.
/// </summary>
/// <param name="Kind">What became of the call.</param>
/// <param name="StatusCode">The HTTP status of the last attempt; null when no HTTP answer came.</param>
/// <param name="ErrorCode">Apple's <c>errorCode</c> from the error body, e.g. 4000047, 4040010, 4290000.</param>
/// <param name="ErrorMessage">Apple's <c>errorMessage</c>, or what went wrong when no HTTP answer came.</param>
/// <param name="RetryAfter">When Apple accepts the next request (a 429's <c>Retry-After</c>).</param>
/// <param name="Elapsed">The whole call, inline retries and their waits included.</param>
/// <param name="ResponseBody">The last response's body, at most <see cref="MaxResponseBodyLength"/> characters.</param>
public sealed record AppStoreAnswer(
    AppStoreAnswerKind Kind,
    int? StatusCode,
    long? ErrorCode,
    string? ErrorMessage,
    DateTimeOffset? RetryAfter,
    TimeSpan Elapsed,
    string? ResponseBody)
{
    /// <summary>How much of a response body an answer keeps (2 KB of characters).</summary>
    public const int MaxResponseBodyLength = 2048;

    /// <summary>
    /// Apple's "Retryable" 404 error codes (account, app, original transaction not found yet) and
    /// 5000001 (general internal retryable): try again later.
    /// </summary>
    private static readonly HashSet<long> RetryableErrorCodes = [4040002, 4040004, 4040006, 5000001];

    /// <summary>How many HTTP attempts the call made (1 plus its inline retries).</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>
    /// Whether the caller should schedule another try before its deadline: rate limits, server
    /// errors, timeouts, network errors, a 401 (the operator may fix the key in time) and Apple's
    /// retryable error codes. Accepted and other rejections are final.
    /// </summary>
    public bool IsRetryable => Kind switch
    {
        AppStoreAnswerKind.Accepted => false,
        AppStoreAnswerKind.Rejected => ErrorCode is { } code && RetryableErrorCodes.Contains(code),
        _ => true,
    };
}
