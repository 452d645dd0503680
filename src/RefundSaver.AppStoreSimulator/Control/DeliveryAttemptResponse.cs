namespace RefundSaver.AppStoreSimulator.Control;

/// <summary>One delivery attempt: when, Apple's result name, the HTTP status or the error.</summary>
public sealed record DeliveryAttemptResponse(DateTimeOffset AttemptedAt, string Result, int? HttpStatus, string? Error);
