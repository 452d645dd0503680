using Mediator;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Apps.Queries.ListApps;

public sealed record ListAppsQuery : IRequest<Result<IReadOnlyList<AppDto>>>;
