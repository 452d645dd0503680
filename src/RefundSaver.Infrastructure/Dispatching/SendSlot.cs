namespace RefundSaver.Infrastructure.Dispatching;

/// <summary>
/// The next moment one app may call Apple in one environment: every dispatcher process takes its
/// turn from this row, which is how Apple's per-app rate limit holds across processes.
/// </summary>
internal sealed class SendSlot
{
    public Guid AppId { get; set; }

    public string Environment { get; set; } = string.Empty;

    public DateTimeOffset NextAt { get; set; }
}
