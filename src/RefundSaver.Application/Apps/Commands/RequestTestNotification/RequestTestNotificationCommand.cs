using Mediator;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Apps.Commands.RequestTestNotification;

/// <summary>Asks Apple to send the app's webhook a TEST notification (checks the whole set-up: URL, key, trust).</summary>
public sealed record RequestTestNotificationCommand(Guid AppId, string? Environment) : IRequest<Result<TestNotificationDto>>;
