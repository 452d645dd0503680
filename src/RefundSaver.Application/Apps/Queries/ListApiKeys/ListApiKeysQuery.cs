using Mediator;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Apps.Queries.ListApiKeys;

public sealed record ListApiKeysQuery(Guid AppId) : IRequest<Result<IReadOnlyList<ApiKeyDto>>>;
