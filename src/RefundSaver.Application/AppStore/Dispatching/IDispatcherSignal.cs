namespace RefundSaver.Application.AppStore.Dispatching;

/// <summary>Wakes the dispatchers of every process: a request became due outside of a notification (an operator released it).</summary>
public interface IDispatcherSignal
{
    Task WakeAsync(CancellationToken cancellationToken);
}
