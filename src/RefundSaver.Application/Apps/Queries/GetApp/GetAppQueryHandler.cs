using Mediator;
using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Apps.Queries.GetApp;

internal sealed class GetAppQueryHandler(IApplicationDbContext db) : IRequestHandler<GetAppQuery, Result<AppDto>>
{
    public async ValueTask<Result<AppDto>> Handle(GetAppQuery request, CancellationToken cancellationToken)
    {
        var app = await db.Apps.AsNoTracking().SingleOrDefaultAsync(app => app.Id == request.AppId, cancellationToken);
        return app is null ? AppErrors.AppNotFound : AppDto.From(app);
    }
}
