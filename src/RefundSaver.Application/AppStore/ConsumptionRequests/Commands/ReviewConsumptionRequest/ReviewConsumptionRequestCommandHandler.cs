using Mediator;
using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.AppStore.Dispatching;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.AppStore.ConsumptionRequests.Commands.ReviewConsumptionRequest;

/// <summary>
/// Changes a request that is still waiting. The change is conditional on the row not having moved
/// since it was read, so a dispatcher that starts sending meanwhile wins, and the operator hears so.
/// </summary>
internal sealed class ReviewConsumptionRequestCommandHandler(IApplicationDbContext db, IDispatcherSignal dispatchers, TimeProvider clock)
    : IRequestHandler<ReviewConsumptionRequestCommand, Result<ConsumptionRequestDto>>
{
    public async ValueTask<Result<ConsumptionRequestDto>> Handle(ReviewConsumptionRequestCommand request, CancellationToken cancellationToken)
    {
        var consumption = await db.ConsumptionRequests
            .SingleOrDefaultAsync(found => found.Id == request.RequestId && found.AppId == request.AppId, cancellationToken);
        if (consumption is null)
        {
            return ConsumptionRequestErrors.NotFound;
        }

        var now = clock.GetUtcNow();
        var previous = (consumption.State, consumption.UpdatedAt, consumption.LeaseOwner);
        if (request.Preference.HasValue && !consumption.TrySetManualPreference(request.Preference.Value, now))
        {
            return ConsumptionRequestErrors.AlreadySent;
        }

        if (request.SendNow && !consumption.TryReleaseNow(now))
        {
            return ConsumptionRequestErrors.NotHeld;
        }

        var saved = await db.ConsumptionRequests
            .Where(found => found.Id == consumption.Id && found.State == previous.State && found.UpdatedAt == previous.UpdatedAt
                && found.LeaseOwner == previous.LeaseOwner)
            .ExecuteUpdateAsync(
                update => update
                    .SetProperty(found => found.ManualPreference, consumption.ManualPreference)
                    .SetProperty(found => found.State, consumption.State)
                    .SetProperty(found => found.DueAt, consumption.DueAt)
                    .SetProperty(found => found.UpdatedAt, now),
                cancellationToken);
        if (saved == 0)
        {
            return ConsumptionRequestErrors.AlreadySent;
        }

        if (request.SendNow)
        {
            await dispatchers.WakeAsync(cancellationToken);
        }

        return ConsumptionRequestDto.From(consumption);
    }
}
