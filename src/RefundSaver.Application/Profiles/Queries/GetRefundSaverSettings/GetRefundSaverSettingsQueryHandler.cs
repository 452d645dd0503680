using Mediator;
using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Profiles.Queries.GetRefundSaverSettings;

internal sealed class GetRefundSaverSettingsQueryHandler(IApplicationDbContext db)
    : IRequestHandler<GetRefundSaverSettingsQuery, Result<ProfileSettingsDto>>
{
    public async ValueTask<Result<ProfileSettingsDto>> Handle(
        GetRefundSaverSettingsQuery request, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.AsNoTracking().FindBySelectorAsync(request.AppId, request.Selector, cancellationToken);
        return profile is null
            ? ProfileErrors.NotFound
            : new ProfileSettingsDto(profile.Id, RefundSaverSettingsDto.From(profile));
    }
}
