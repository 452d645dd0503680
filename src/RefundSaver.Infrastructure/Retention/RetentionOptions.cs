namespace RefundSaver.Infrastructure.Retention;

/// <summary>How long customer data is kept (section <c>Retention</c>).</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>
    /// Days after which notifications' payloads and the bodies sent to Apple are removed; 0 keeps
    /// them forever. The default outlives a yearly subscription's renewal and its refund window.
    /// </summary>
    public int Days { get; set; } = 400;

    /// <summary>How often the purge runs.</summary>
    public double IntervalMinutes { get; set; } = 60;

    /// <summary>Rows changed per statement, so that a first purge of a large backlog holds no long locks.</summary>
    public int BatchSize { get; set; } = 1000;

    public static bool IsValid(RetentionOptions options) =>
        options.Days >= 0 && options.IntervalMinutes > 0 && options.BatchSize > 0;
}
