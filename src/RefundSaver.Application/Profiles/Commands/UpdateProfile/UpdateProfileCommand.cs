using Mediator;
using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.Application.Profiles.Commands.UpdateProfile;

public sealed record UpdateProfileCommand(Guid AppId, ProfileSelector Selector, ProfileDetails Details)
    : IRequest<Result<ProfileDto>>, IProfileRequest;
