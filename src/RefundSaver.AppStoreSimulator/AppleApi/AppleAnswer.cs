namespace RefundSaver.AppStoreSimulator.AppleApi;

/// <summary>
/// How the simulated App Store answers one call: the status, Apple's error if any (with the number
/// actually sent), a <c>Retry-After</c> (ms since the epoch) for 429s, and, for the simulator's own
/// logs, why.
/// </summary>
public sealed record AppleAnswer(int Status, AppleError? Error = null, long? ErrorCode = null, long? RetryAfter = null, string? Reason = null)
{
    public static readonly AppleAnswer Accepted = new(202);
}
