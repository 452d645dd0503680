namespace RefundSaver.Application.AppStore.Api;

/// <summary>
/// One of Apple's attempts to send a notification: when, and what it found (<c>SUCCESS</c>,
/// <c>TIMED_OUT</c>, <c>TLS_ISSUE</c>, <c>UNSUCCESSFUL_HTTP_RESPONSE_CODE</c>, …, as Apple spells it).
/// </summary>
public sealed record TestNotificationAttempt(DateTimeOffset AttemptDate, string SendAttemptResult);
