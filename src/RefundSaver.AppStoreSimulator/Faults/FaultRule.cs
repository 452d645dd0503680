namespace RefundSaver.AppStoreSimulator.Faults;

/// <summary>
/// "The next <see cref="Count"/> consumption calls (of one app, or of any) get this answer":
/// <see cref="Status"/> with <see cref="ErrorCode"/>, after waiting <see cref="HangMs"/>. A 2xx
/// status only delays the call, which is then answered normally.
/// </summary>
public sealed record FaultRule(
    Guid Id,
    string? BundleId,
    int Status,
    long? ErrorCode,
    int Count,
    int? HangMs,
    int RetryAfterMs,
    DateTimeOffset CreatedAt);
