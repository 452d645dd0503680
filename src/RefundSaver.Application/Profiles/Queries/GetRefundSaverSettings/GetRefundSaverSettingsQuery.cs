using Mediator;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Profiles.Queries.GetRefundSaverSettings;

public sealed record GetRefundSaverSettingsQuery(Guid AppId, ProfileSelector Selector)
    : IRequest<Result<ProfileSettingsDto>>, IProfileRequest;
