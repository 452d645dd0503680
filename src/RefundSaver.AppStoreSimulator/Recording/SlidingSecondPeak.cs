namespace RefundSaver.AppStoreSimulator.Recording;

/// <summary>
/// The most events seen within any one-second window. Every window that holds a peak ends at an
/// event, so counting the events of the second before each event finds the peak. Not thread-safe.
/// </summary>
public sealed class SlidingSecondPeak
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly Queue<DateTimeOffset> _lastSecond = new();

    public int Peak { get; private set; }

    public void Add(DateTimeOffset at)
    {
        while (_lastSecond.Count > 0 && _lastSecond.Peek() <= at - Window)
        {
            _lastSecond.Dequeue();
        }

        _lastSecond.Enqueue(at);
        Peak = Math.Max(Peak, _lastSecond.Count);
    }
}
