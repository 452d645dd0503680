namespace RefundSaver.AppStoreSimulator.Recording;

/// <summary>What one app's consumption calls got, counted as they come (under the caller's lock).</summary>
public sealed class AppStats(string bundleId)
{
    private readonly SlidingSecondPeak _received = new();
    private readonly SlidingSecondPeak _accepted = new();

    public string BundleId { get; } = bundleId;

    public long Received { get; private set; }

    public long Accepted { get; private set; }

    public long TooManyRequests { get; private set; }

    public long ClientErrors { get; private set; }

    public long ServerErrors { get; private set; }

    public int MaxReceivedPerSecond => _received.Peak;

    public int MaxAcceptedPerSecond => _accepted.Peak;

    public DateTimeOffset? FirstCallAt { get; private set; }

    public DateTimeOffset? LastCallAt { get; private set; }

    public void Record(DateTimeOffset receivedAt, int status)
    {
        Received++;
        _received.Add(receivedAt);
        FirstCallAt ??= receivedAt;
        LastCallAt = receivedAt;
        switch (status)
        {
            case StatusCodes.Status202Accepted:
                Accepted++;
                _accepted.Add(receivedAt);
                break;
            case StatusCodes.Status429TooManyRequests:
                TooManyRequests++;
                break;
            case >= 400 and < 500:
                ClientErrors++;
                break;
            case >= 500:
                ServerErrors++;
                break;
        }
    }
}
