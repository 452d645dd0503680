using Mediator;
using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Apps.Queries.ListApiKeys;

internal sealed class ListApiKeysQueryHandler(IApplicationDbContext db)
    : IRequestHandler<ListApiKeysQuery, Result<IReadOnlyList<ApiKeyDto>>>
{
    public async ValueTask<Result<IReadOnlyList<ApiKeyDto>>> Handle(ListApiKeysQuery request, CancellationToken cancellationToken)
    {
        if (!await db.Apps.AnyAsync(app => app.Id == request.AppId, cancellationToken))
        {
            return AppErrors.AppNotFound;
        }

        var keys = await db.ApiKeys.AsNoTracking()
            .Where(key => key.AppId == request.AppId)
            .OrderBy(key => key.CreatedAt)
            .ToListAsync(cancellationToken);
        return keys.Select(ApiKeyDto.From).ToList();
    }
}
