namespace RefundSaver.AppStoreSimulator.Control;

/// <summary>
/// <c>POST /simulator/transactions/{id}/decide</c>: Apple's decision, <c>refund</c> or <c>decline</c>.
/// A refund may be prorated with <see cref="RefundPercentage"/> (milliunits, 1–99999).
/// </summary>
public sealed record DecideRequest(string? Outcome, int? RefundPercentage);
