namespace RefundSaver.AppStoreSimulator.Control;

/// <summary><c>POST /simulator/transactions/{id}/refund-request</c>: the customer's reason (default UNSATISFIED_WITH_PURCHASE).</summary>
public sealed record RefundRequestBody(string? Reason);
