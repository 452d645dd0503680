using Mediator;
using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Profiles.Queries.GetUsage;

internal sealed class GetUsageQueryHandler(IApplicationDbContext db)
    : IRequestHandler<GetUsageQuery, Result<ProfileUsageDto>>
{
    public async ValueTask<Result<ProfileUsageDto>> Handle(GetUsageQuery request, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.AsNoTracking().FindBySelectorAsync(request.AppId, request.Selector, cancellationToken);
        return profile is null ? ProfileErrors.NotFound : ProfileUsageDto.From(profile);
    }
}
