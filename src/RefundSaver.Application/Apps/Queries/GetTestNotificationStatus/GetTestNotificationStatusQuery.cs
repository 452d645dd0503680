using Mediator;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Apps.Queries.GetTestNotificationStatus;

public sealed record GetTestNotificationStatusQuery(Guid AppId, string Token, string? Environment) : IRequest<Result<TestNotificationDto>>;
