namespace RefundSaver.Application.AppStore.Dispatching;

/// <summary>What becomes of a request after Apple answered one attempt.</summary>
public abstract record AttemptVerdict
{
    private AttemptVerdict()
    {
    }

    public sealed record Answered : AttemptVerdict;

    /// <summary>Final: Apple refused the request as it is, or kept refusing our key.</summary>
    public sealed record Failed(string Reason) : AttemptVerdict;

    public sealed record RetryAt(DateTimeOffset At, string Reason) : AttemptVerdict;

    /// <summary>The next try would come after Apple's deadline.</summary>
    public sealed record Expired(string Reason) : AttemptVerdict;
}
