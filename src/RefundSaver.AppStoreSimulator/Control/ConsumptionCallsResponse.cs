namespace RefundSaver.AppStoreSimulator.Control;

/// <summary>Every consumption call received for one transaction, oldest first.</summary>
public sealed record ConsumptionCallsResponse(string TransactionId, IReadOnlyList<ConsumptionCallResponse> Calls);
