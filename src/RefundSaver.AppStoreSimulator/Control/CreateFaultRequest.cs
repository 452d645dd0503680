namespace RefundSaver.AppStoreSimulator.Control;

/// <summary>
/// <c>POST /simulator/faults</c>: the next <see cref="Count"/> consumption calls (of one app, or of
/// all) get <see cref="Status"/> (with <see cref="ErrorCode"/>), after <see cref="HangMs"/>.
/// A 429 always carries <c>Retry-After</c>: now + <see cref="RetryAfterMs"/> (default 1000), in ms since the epoch.
/// </summary>
public sealed record CreateFaultRequest(string? BundleId, int? Status, long? ErrorCode, int? Count, int? HangMs, int? RetryAfterMs);
