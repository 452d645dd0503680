using Mediator;
using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.Apps;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Paging;
using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.AppStore.ConsumptionRequests.Queries.ListConsumptionRequests;

internal sealed class ListConsumptionRequestsQueryHandler(IApplicationDbContext db)
    : IRequestHandler<ListConsumptionRequestsQuery, Result<Page<ConsumptionRequestDto>>>
{
    public async ValueTask<Result<Page<ConsumptionRequestDto>>> Handle(
        ListConsumptionRequestsQuery request, CancellationToken cancellationToken)
    {
        if (!await db.Apps.AnyAsync(app => app.Id == request.AppId, cancellationToken))
        {
            return AppErrors.AppNotFound;
        }

        var requests = db.ConsumptionRequests.AsNoTracking().Where(consumption => consumption.AppId == request.AppId);
        if (request.State is { } stateName)
        {
            var state = Enum.Parse<ConsumptionRequestState>(stateName, ignoreCase: true);
            requests = requests.Where(consumption => consumption.State == state);
        }

        return await requests
            .OrderByDescending(consumption => consumption.CreatedAt).ThenByDescending(consumption => consumption.Id)
            .ToPageAsync(request.Page, ConsumptionRequestDto.From, cancellationToken);
    }
}
