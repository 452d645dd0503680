using Mediator;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.AppStore.ConsumptionRequests.Queries.GetConsumptionRequest;

public sealed record GetConsumptionRequestQuery(Guid AppId, Guid RequestId) : IRequest<Result<ConsumptionRequestDetailDto>>;
