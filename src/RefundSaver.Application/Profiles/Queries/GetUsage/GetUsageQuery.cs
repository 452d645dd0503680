using Mediator;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Profiles.Queries.GetUsage;

public sealed record GetUsageQuery(Guid AppId, ProfileSelector Selector)
    : IRequest<Result<ProfileUsageDto>>, IProfileRequest;
