namespace RefundSaver.AppStoreSimulator.Model;

/// <summary>A transaction as it stands at one moment (what a signed transaction carries).</summary>
public sealed record TransactionSnapshot(
    SimulatedTransaction Transaction,
    RefundState RefundState,
    string? RefundReason,
    DateTimeOffset? RevocationDate,
    int? RevocationReason,
    string? RevocationType,
    int? RevocationPercentage);
