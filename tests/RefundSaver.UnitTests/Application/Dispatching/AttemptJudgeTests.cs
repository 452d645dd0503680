using RefundSaver.Application.AppStore.Api;
using RefundSaver.Application.AppStore.Dispatching;

namespace RefundSaver.UnitTests.Application.Dispatching;

/// <summary>Apple's answer to one attempt turned into the request's next state.</summary>
public sealed class AttemptJudgeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset Deadline = Now.AddHours(10);

    private static readonly RetrySchedule Schedule = new();

    /// <summary>Jitter 0.5 is the midpoint: the delay is exactly the schedule's nominal one.</summary>
    private const double NoJitter = 0.5;

    [Fact]
    public void Judge_When202Accepted_ShouldBeAnswered()
    {
        var verdict = Judge(Answer(AppStoreAnswerKind.Accepted, 202));

        verdict.ShouldBe(new AttemptVerdict.Answered());
    }

    [Fact]
    public void Judge_WhenAcceptedAfterTheDeadline_ShouldStillBeAnswered()
    {
        var verdict = AttemptJudge.Judge(Answer(AppStoreAnswerKind.Accepted, 202), 1, 0, Now, Now.AddSeconds(1), Schedule, NoJitter);

        verdict.ShouldBeOfType<AttemptVerdict.Answered>();
    }

    [Fact]
    public void Judge_When400UnsupportedTransactionType_ShouldFailWithTheErrorCode()
    {
        var answer = Answer(AppStoreAnswerKind.Rejected, 400, 4000047, "Invalid request. The transaction type is not supported.");

        var failed = Judge(answer).ShouldBeOfType<AttemptVerdict.Failed>();

        failed.Reason.ShouldContain("4000047");
        failed.Reason.ShouldContain("400");
        failed.Reason.ShouldContain("The transaction type is not supported.");
    }

    [Fact]
    public void Judge_When404TransactionNotFound_ShouldFail()
    {
        var failed = Judge(Answer(AppStoreAnswerKind.Rejected, 404, 4040010)).ShouldBeOfType<AttemptVerdict.Failed>();

        failed.Reason.ShouldContain("4040010");
    }

    [Fact]
    public void Judge_When400WithoutAnErrorCode_ShouldFail() =>
        Judge(Answer(AppStoreAnswerKind.Rejected, 400)).ShouldBeOfType<AttemptVerdict.Failed>();

    [Theory]
    [InlineData(4040002L)]
    [InlineData(4040004L)]
    [InlineData(4040006L)]
    public void Judge_WhenApplesRetryable404_ShouldRetryAfterTheBackoff(long errorCode)
    {
        var retry = Judge(Answer(AppStoreAnswerKind.Rejected, 404, errorCode), attempts: 2).ShouldBeOfType<AttemptVerdict.RetryAt>();

        retry.At.ShouldBe(Now.AddSeconds(10));
        retry.Reason.ShouldContain(errorCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Judge_When401BelowTheMaximum_ShouldRetry(int unauthorizedAttempts)
    {
        var verdict = Judge(Answer(AppStoreAnswerKind.Unauthorized, 401), attempts: unauthorizedAttempts, unauthorizedAttempts: unauthorizedAttempts);

        verdict.ShouldBeOfType<AttemptVerdict.RetryAt>().At.ShouldBeGreaterThan(Now);
    }

    [Fact]
    public void Judge_When401ReachesTheMaximum_ShouldFailPointingAtTheKey()
    {
        var failed = Judge(Answer(AppStoreAnswerKind.Unauthorized, 401), attempts: 5, unauthorizedAttempts: Schedule.MaxUnauthorizedAttempts)
            .ShouldBeOfType<AttemptVerdict.Failed>();

        Schedule.MaxUnauthorizedAttempts.ShouldBe(3);
        failed.Reason.ShouldContain("401");
        failed.Reason.ShouldContain("3 times");
    }

    [Fact]
    public void Judge_When401WithAStricterSchedule_ShouldFailAtItsMaximum()
    {
        var schedule = new RetrySchedule { MaxUnauthorizedAttempts = 1 };

        var verdict = AttemptJudge.Judge(Answer(AppStoreAnswerKind.Unauthorized, 401), 1, 1, Deadline, Now, schedule, NoJitter);

        verdict.ShouldBeOfType<AttemptVerdict.Failed>();
    }

    [Fact]
    public void Judge_When429WithRetryAfterInTheFuture_ShouldRetryExactlyThen()
    {
        var retryAfter = Now.AddMinutes(7).AddMilliseconds(123);

        var retry = Judge(Answer(AppStoreAnswerKind.RateLimited, 429, 4290000, retryAfter: retryAfter), jitter: 0.999)
            .ShouldBeOfType<AttemptVerdict.RetryAt>();

        retry.At.ShouldBe(retryAfter);
    }

    [Fact]
    public void Judge_When429WithoutRetryAfter_ShouldRetryAfterTheBackoff()
    {
        var retry = Judge(Answer(AppStoreAnswerKind.RateLimited, 429, 4290000), attempts: 3).ShouldBeOfType<AttemptVerdict.RetryAt>();

        retry.At.ShouldBe(Now.AddSeconds(20));
    }

    [Fact]
    public void Judge_When429WithRetryAfterInThePast_ShouldRetryAfterTheBackoff()
    {
        var answer = Answer(AppStoreAnswerKind.RateLimited, 429, 4290000, retryAfter: Now.AddSeconds(-30));

        var retry = Judge(answer).ShouldBeOfType<AttemptVerdict.RetryAt>();

        retry.At.ShouldBe(Now.AddSeconds(5));
    }

    [Fact]
    public void Judge_When429RetryAfterIsPastTheDeadline_ShouldExpire()
    {
        var answer = Answer(AppStoreAnswerKind.RateLimited, 429, 4290000, retryAfter: Deadline.AddSeconds(1));

        Judge(answer).ShouldBeOfType<AttemptVerdict.Expired>().Reason.ShouldContain("deadline");
    }

    [Theory]
    [InlineData(0.0, 0.8)]
    [InlineData(0.999, 1.2)]
    public void Judge_When500_ShouldRetryAfterTheBackoffWithinTheJitterBounds(double jitter, double bound)
    {
        var nominal = Schedule.DelayAfter(4, NoJitter);

        var retry = Judge(Answer(AppStoreAnswerKind.ServerError, 500, 5000000), attempts: 4, jitter: jitter).ShouldBeOfType<AttemptVerdict.RetryAt>();

        nominal.ShouldBe(TimeSpan.FromSeconds(40));
        var delay = retry.At - Now;
        delay.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(40 * 0.8));
        delay.ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(40 * 1.2));
        delay.TotalSeconds.ShouldBe(40 * bound, 0.05);
    }

    [Theory]
    [InlineData(AppStoreAnswerKind.ServerError, 503)]
    [InlineData(AppStoreAnswerKind.Timeout, 408)]
    [InlineData(AppStoreAnswerKind.Timeout, null)]
    [InlineData(AppStoreAnswerKind.NetworkError, null)]
    public void Judge_WhenAppleOrTheNetworkFailedTransiently_ShouldRetry(AppStoreAnswerKind kind, int? status)
    {
        var retry = Judge(Answer(kind, status)).ShouldBeOfType<AttemptVerdict.RetryAt>();

        retry.At.ShouldBe(Now.AddSeconds(5));
        retry.Reason.ShouldContain(kind.ToString());
    }

    [Fact]
    public void Judge_WhenTheRetryWouldLandExactlyAtTheDeadline_ShouldExpire()
    {
        var verdict = AttemptJudge.Judge(Answer(AppStoreAnswerKind.ServerError, 500, 5000000), 1, 0, Now.AddSeconds(5), Now, Schedule, NoJitter);

        verdict.ShouldBeOfType<AttemptVerdict.Expired>().Reason.ShouldContain("500");
    }

    [Fact]
    public void Judge_WhenTheRetryWouldLandJustBeforeTheDeadline_ShouldRetry()
    {
        var verdict = AttemptJudge.Judge(Answer(AppStoreAnswerKind.ServerError, 500, 5000000), 1, 0, Now.AddSeconds(5).AddTicks(1), Now, Schedule, NoJitter);

        verdict.ShouldBe(new AttemptVerdict.RetryAt(Now.AddSeconds(5), "500 ServerError 5000000"));
    }

    [Fact]
    public void Judge_WhenTheRetryWouldLandAfterTheDeadline_ShouldExpire()
    {
        var verdict = AttemptJudge.Judge(Answer(AppStoreAnswerKind.NetworkError, null), 12, 0, Now.AddMinutes(10), Now, Schedule, NoJitter);

        verdict.ShouldBeOfType<AttemptVerdict.Expired>();
    }

    [Fact]
    public void Describe_WhenEverythingIsKnown_ShouldReadStatusKindCodeAndMessage()
    {
        var answer = Answer(AppStoreAnswerKind.Rejected, 400, 4000035, "Customer consent required.");

        AttemptJudge.Describe(answer).ShouldBe("400 Rejected 4000035 (Customer consent required.)");
    }

    [Fact]
    public void Describe_WhenNoHttpAnswerCame_ShouldReadTheKindAlone() =>
        AttemptJudge.Describe(Answer(AppStoreAnswerKind.NetworkError, null)).ShouldBe("NetworkError");

    private static AttemptVerdict Judge(AppStoreAnswer answer, int attempts = 1, int unauthorizedAttempts = 0, double jitter = NoJitter) =>
        AttemptJudge.Judge(answer, attempts, unauthorizedAttempts, Deadline, Now, Schedule, jitter);

    private static AppStoreAnswer Answer(
        AppStoreAnswerKind kind,
        int? status,
        long? errorCode = null,
        string? message = null,
        DateTimeOffset? retryAfter = null) =>
        new(kind, status, errorCode, message, retryAfter, TimeSpan.FromMilliseconds(180), null);
}
