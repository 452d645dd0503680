using Mediator;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Profiles.Commands.DeleteProfile;

public sealed record DeleteProfileCommand(Guid AppId, ProfileSelector Selector) : IRequest<Result<Guid>>, IProfileRequest;
