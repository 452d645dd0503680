using System.Diagnostics.Metrics;

namespace RefundSaver.Api.Metrics;

/// <summary>
/// The App Store webhook's meter: each notification Apple posts, by how it ended (stored, duplicate,
/// or the error code it was answered with) and, once verified, by its type. A request that fails on
/// an exception (our database down: 503) shows in ASP.NET Core's request metrics by status instead.
/// </summary>
public sealed class WebhookMetrics : IDisposable
{
    public const string MeterName = "RefundSaver.Webhook";

    private readonly Meter _meter;
    private readonly Counter<long> _received;

    public WebhookMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _received = _meter.CreateCounter<long>(
            "refundsaver.notifications.received", unit: "{notification}",
            description: "Notifications posted to the webhook, by outcome (stored, duplicate, or the error code answered) and type.");
    }

    public void Stored(string notificationType, bool duplicate) => _received.Add(
        1,
        new KeyValuePair<string, object?>("outcome", duplicate ? "duplicate" : "stored"),
        new KeyValuePair<string, object?>("type", notificationType));

    public void Refused(string errorCode) => _received.Add(1, new KeyValuePair<string, object?>("outcome", errorCode));

    public void Dispose() => _meter.Dispose();
}
