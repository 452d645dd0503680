namespace RefundSaver.Application.Apps;

/// <summary>A TEST notification Apple was asked to send, and (once asked) how its delivery went.</summary>
public sealed record TestNotificationDto(
    string TestNotificationToken,
    string Environment,
    IReadOnlyList<TestNotificationAttemptDto>? SendAttempts,
    bool? ReceivedByWebhook);
