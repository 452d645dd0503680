using System.Diagnostics.Metrics;

namespace RefundSaver.Application.AppStore.Dispatching;

/// <summary>The dispatcher's meters: how requests end, and how long answering took.</summary>
internal sealed class DispatcherMetrics : IDisposable
{
    public const string MeterName = "RefundSaver.Dispatcher";

    private readonly Meter _meter;
    private readonly Counter<long> _finished;
    private readonly Counter<long> _attempts;
    private readonly Histogram<double> _timeToAnswer;

    public DispatcherMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _finished = _meter.CreateCounter<long>("refundsaver.consumption_requests.finished", description: "Requests that reached a final state, by state (answered, skipped, failed, expired).");
        _attempts = _meter.CreateCounter<long>("refundsaver.consumption_requests.attempts", description: "Calls to Apple, by result.");
        _timeToAnswer = _meter.CreateHistogram<double>("refundsaver.consumption_requests.time_to_answer", unit: "s", description: "From the notification's arrival to Apple's 202.");
    }

    public void Finished(string state) => _finished.Add(1, new KeyValuePair<string, object?>("state", state));

    public void Attempted(string result) => _attempts.Add(1, new KeyValuePair<string, object?>("result", result));

    public void Answered(TimeSpan sinceArrival) => _timeToAnswer.Record(sinceArrival.TotalSeconds);

    public void Dispose() => _meter.Dispose();
}
