namespace RefundSaver.Api.Authentication;

/// <summary>One client address's wrong credentials in the current window.</summary>
internal sealed class FailureWindow
{
    private readonly Lock _lock = new();
    private DateTimeOffset _start = DateTimeOffset.MinValue;
    private int _failures;

    /// <summary>Counts a failure, starting a new window if the last one ended; returns the count in the window.</summary>
    public int Add(DateTimeOffset now, TimeSpan length)
    {
        lock (_lock)
        {
            if (now >= _start + length)
            {
                _start = now;
                _failures = 0;
            }

            return ++_failures;
        }
    }

    public TimeSpan? RetryAfter(DateTimeOffset now, int limit, TimeSpan length)
    {
        lock (_lock)
        {
            var end = _start + length;
            return _failures >= limit && now < end ? end - now : null;
        }
    }
}
