using System.Text.Json;

namespace RefundSaver.AppStoreSimulator.Recording;

/// <summary>
/// One Send Consumption Information call as received: when, which API version and environment,
/// the body (the JSON, or the raw text when it was not JSON), and what it was answered.
/// </summary>
public sealed record ConsumptionCall(
    string TransactionId,
    string? BundleId,
    DateTimeOffset ReceivedAt,
    string ApiVersion,
    string Environment,
    JsonElement? Body,
    string? RawBody,
    int Status,
    long? ErrorCode,
    string? ErrorName);
