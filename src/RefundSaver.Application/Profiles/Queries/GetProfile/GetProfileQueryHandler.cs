using Mediator;
using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Profiles.Queries.GetProfile;

internal sealed class GetProfileQueryHandler(IApplicationDbContext db, ProfileRevenue revenue, TimeProvider clock)
    : IRequestHandler<GetProfileQuery, Result<ProfileDto>>
{
    public async ValueTask<Result<ProfileDto>> Handle(GetProfileQuery request, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.AsNoTracking().FindBySelectorAsync(request.AppId, request.Selector, cancellationToken);
        return profile is null
            ? ProfileErrors.NotFound
            : ProfileDto.From(profile, clock.GetUtcNow(), await revenue.TotalUsdAsync(db, profile.Id, cancellationToken));
    }
}
