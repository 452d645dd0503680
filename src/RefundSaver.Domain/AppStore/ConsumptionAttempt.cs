namespace RefundSaver.Domain.AppStore;

/// <summary>One call to Apple's Send Consumption Information for a request, and what Apple answered.</summary>
public sealed class ConsumptionAttempt
{
    private ConsumptionAttempt()
    {
    }

    public Guid Id { get; private set; }

    public Guid RequestId { get; private set; }

    public int Number { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public int ElapsedMilliseconds { get; private set; }

    /// <summary><c>v1</c> or <c>v2</c>.</summary>
    public string ApiVersion { get; private set; } = string.Empty;

    /// <summary>Accepted, Rejected, Unauthorized, RateLimited, ServerError, Timeout or NetworkError.</summary>
    public string Result { get; private set; } = string.Empty;

    public int? StatusCode { get; private set; }

    public long? ErrorCode { get; private set; }

    public string? ErrorMessage { get; private set; }

    /// <summary>The exact JSON sent.</summary>
    public string Body { get; private set; } = string.Empty;

    public static ConsumptionAttempt Record(
        Guid requestId,
        int number,
        DateTimeOffset startedAt,
        TimeSpan elapsed,
        string apiVersion,
        string result,
        int? statusCode,
        long? errorCode,
        string? errorMessage,
        string body) => new()
        {
            Id = Guid.CreateVersion7(startedAt),
            RequestId = requestId,
            Number = number,
            StartedAt = startedAt,
            ElapsedMilliseconds = (int)Math.Min(elapsed.TotalMilliseconds, int.MaxValue),
            ApiVersion = apiVersion,
            Result = result,
            StatusCode = statusCode,
            ErrorCode = errorCode,
            ErrorMessage = errorMessage is { Length: > 500 } ? errorMessage[..500] : errorMessage,
            Body = body,
        };
}
