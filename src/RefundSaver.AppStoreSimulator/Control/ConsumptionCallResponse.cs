using System.Text.Json;

namespace RefundSaver.AppStoreSimulator.Control;

/// <summary>One Send Consumption Information call received: the body as sent (JSON, or raw text if not JSON) and the answer.</summary>
public sealed record ConsumptionCallResponse(
    DateTimeOffset ReceivedAt,
    string ApiVersion,
    string Environment,
    JsonElement? Body,
    string? RawBody,
    int Status,
    long? ErrorCode,
    string? ErrorName);
