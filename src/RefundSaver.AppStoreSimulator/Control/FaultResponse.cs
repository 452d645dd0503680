namespace RefundSaver.AppStoreSimulator.Control;

/// <summary>A fault waiting to be served, and how many calls it still answers.</summary>
public sealed record FaultResponse(
    Guid Id, string? BundleId, int Status, long? ErrorCode, int Count, int Remaining, int? HangMs, int RetryAfterMs, DateTimeOffset CreatedAt);
