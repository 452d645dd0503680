using Mediator;
using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.Application.Profiles.Commands.CreateProfile;

public sealed record CreateProfileCommand(Guid AppId, ProfileSelector Selector, ProfileDetails Details)
    : IRequest<Result<CreatedProfile>>, IProfileRequest;
