using Mediator;
using RefundSaver.Application.Common.Paging;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.AppStore.ConsumptionRequests.Queries.ListConsumptionRequests;

/// <summary>An app's consumption requests, newest first, optionally in one state (lower case, as listed).</summary>
public sealed record ListConsumptionRequestsQuery(Guid AppId, string? State, PageRequest Page)
    : IRequest<Result<Page<ConsumptionRequestDto>>>;
