namespace RefundSaver.Application.Apps;

/// <summary>One of Apple's attempts to deliver a TEST notification, as Apple reports it.</summary>
public sealed record TestNotificationAttemptDto(DateTimeOffset AttemptDate, string SendAttemptResult);
