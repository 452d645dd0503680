using Mediator;
using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.AppStore.ConsumptionRequests.Queries.GetConsumptionRequest;

internal sealed class GetConsumptionRequestQueryHandler(IApplicationDbContext db)
    : IRequestHandler<GetConsumptionRequestQuery, Result<ConsumptionRequestDetailDto>>
{
    public async ValueTask<Result<ConsumptionRequestDetailDto>> Handle(GetConsumptionRequestQuery request, CancellationToken cancellationToken)
    {
        var consumption = await db.ConsumptionRequests.AsNoTracking()
            .SingleOrDefaultAsync(found => found.Id == request.RequestId && found.AppId == request.AppId, cancellationToken);
        if (consumption is null)
        {
            return ConsumptionRequestErrors.NotFound;
        }

        var attempts = await db.ConsumptionAttempts.AsNoTracking()
            .Where(attempt => attempt.RequestId == consumption.Id)
            .OrderBy(attempt => attempt.Number)
            .ToListAsync(cancellationToken);
        return ConsumptionRequestDetailDto.From(consumption, attempts);
    }
}
