using RefundSaver.Application.AppStore.Api;

namespace RefundSaver.Application.AppStore.Dispatching;

/// <summary>Turns Apple's answer to an attempt into the request's next state.</summary>
public static class AttemptJudge
{
    /// <param name="attempts">Attempts made so far, this one included.</param>
    /// <param name="unauthorizedAttempts">401 answers so far, this one included.</param>
    /// <param name="jitter">A random number in [0, 1).</param>
    public static AttemptVerdict Judge(
        AppStoreAnswer answer,
        int attempts,
        int unauthorizedAttempts,
        DateTimeOffset deadline,
        DateTimeOffset now,
        RetrySchedule schedule,
        double jitter)
    {
        if (answer.Kind == AppStoreAnswerKind.Accepted)
        {
            return new AttemptVerdict.Answered();
        }

        var described = Describe(answer);
        if (answer.Kind == AppStoreAnswerKind.Unauthorized && unauthorizedAttempts >= schedule.MaxUnauthorizedAttempts)
        {
            return new AttemptVerdict.Failed($"Apple refused the app's API key {unauthorizedAttempts} times (401): check issuer id, key id, private key and bundle id.");
        }

        if (!answer.IsRetryable)
        {
            return new AttemptVerdict.Failed($"Apple refused the request: {described}.");
        }

        var at = answer.Kind == AppStoreAnswerKind.RateLimited && answer.RetryAfter is { } retryAfter && retryAfter > now
            ? retryAfter
            : now + schedule.DelayAfter(attempts, jitter);
        return at >= deadline
            ? new AttemptVerdict.Expired($"Apple's deadline passes before the next try ({described}).")
            : new AttemptVerdict.RetryAt(at, described);
    }

    public static string Describe(AppStoreAnswer answer)
    {
        var status = answer.StatusCode is { } code ? $"{code} " : string.Empty;
        var error = answer.ErrorCode is { } errorCode ? $" {errorCode}" : string.Empty;
        var message = string.IsNullOrWhiteSpace(answer.ErrorMessage) ? string.Empty : $" ({answer.ErrorMessage})";
        return $"{status}{answer.Kind}{error}{message}";
    }
}
