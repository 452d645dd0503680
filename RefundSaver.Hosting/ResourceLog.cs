namespace RefundSaver.Hosting;

/// <summary>
/// The last lines a resource wrote, bounded so that a chatty child cannot exhaust memory;
/// readers page through it by sequence number.
/// </summary>
public sealed class ResourceLog(TimeProvider timeProvider, int capacity = ResourceLog.DefaultCapacity)
{
    public const int DefaultCapacity = 2000;

    private readonly Queue<LogLine> _lines = new();
    private readonly Lock _lock = new();
    private long _lastSequence;

    public event Action<LogLine>? LineAppended;

    public void Append(string text, bool isError = false)
    {
        LogLine line;
        lock (_lock)
        {
            line = new LogLine(++_lastSequence, timeProvider.GetUtcNow(), text, isError);
            _lines.Enqueue(line);
            if (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
        }

        LineAppended?.Invoke(line);
    }

    /// <summary>Lines with a sequence number above <paramref name="afterSequence"/> that are still kept.</summary>
    public IReadOnlyList<LogLine> GetLinesAfter(long afterSequence)
    {
        lock (_lock)
        {
            return _lines.Where(line => line.Sequence > afterSequence).ToList();
        }
    }

    public IReadOnlyList<LogLine> Tail(int count)
    {
        lock (_lock)
        {
            return _lines.Skip(Math.Max(0, _lines.Count - count)).ToList();
        }
    }
}
