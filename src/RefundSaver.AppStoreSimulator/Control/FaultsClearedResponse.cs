namespace RefundSaver.AppStoreSimulator.Control;

/// <summary>How many waiting faults <c>DELETE /simulator/faults</c> removed.</summary>
public sealed record FaultsClearedResponse(int Cleared);
