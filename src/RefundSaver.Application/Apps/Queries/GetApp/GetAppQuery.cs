using Mediator;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Apps.Queries.GetApp;

public sealed record GetAppQuery(Guid AppId) : IRequest<Result<AppDto>>;
