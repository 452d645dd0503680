using RefundSaver.Api.Json;

namespace RefundSaver.Api.Endpoints;

/// <summary>The body of POST .../transactions/link/.</summary>
public sealed record LinkTransactionRequest
{
    public RequestField<string?> OriginalTransactionId { get; init; }
}
