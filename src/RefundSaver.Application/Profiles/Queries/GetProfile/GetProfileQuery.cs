using Mediator;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Profiles.Queries.GetProfile;

public sealed record GetProfileQuery(Guid AppId, ProfileSelector Selector) : IRequest<Result<ProfileDto>>, IProfileRequest;
