using Mediator;
using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Apps.Queries.ListApps;

internal sealed class ListAppsQueryHandler(IApplicationDbContext db)
    : IRequestHandler<ListAppsQuery, Result<IReadOnlyList<AppDto>>>
{
    public async ValueTask<Result<IReadOnlyList<AppDto>>> Handle(ListAppsQuery request, CancellationToken cancellationToken)
    {
        var apps = await db.Apps.AsNoTracking().OrderBy(app => app.CreatedAt).ToListAsync(cancellationToken);
        return apps.Select(AppDto.From).ToList();
    }
}
