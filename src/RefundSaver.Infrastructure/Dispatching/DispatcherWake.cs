namespace RefundSaver.Infrastructure.Dispatching;

/// <summary>Wakes this process's dispatcher loop: a request arrived (LISTEN), one finished, or one went to sleep until its turn.</summary>
internal sealed class DispatcherWake
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Signal()
    {
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
