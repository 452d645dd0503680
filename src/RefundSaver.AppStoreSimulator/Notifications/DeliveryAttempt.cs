namespace RefundSaver.AppStoreSimulator.Notifications;

/// <summary>One try at delivering a notification: when, Apple's result name, the HTTP status if any, the error if any.</summary>
public sealed record DeliveryAttempt(DateTimeOffset AttemptDate, string SendAttemptResult, int? HttpStatus, string? Error);
