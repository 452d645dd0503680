using RefundSaver.Api.Json;

namespace RefundSaver.Api.Endpoints;

/// <summary>The body of POST .../transactions/consumption/: a field left out is kept, null clears it.</summary>
public sealed record ReportPurchaseRequest
{
    public RequestField<string?> TransactionId { get; init; }

    public RequestField<decimal?> ConsumptionPercentage { get; init; }

    public RequestField<string?> DeliveryStatus { get; init; }
}
