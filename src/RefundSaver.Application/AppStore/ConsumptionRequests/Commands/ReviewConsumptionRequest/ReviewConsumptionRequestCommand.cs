using Mediator;
using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.Common;

namespace RefundSaver.Application.AppStore.ConsumptionRequests.Commands.ReviewConsumptionRequest;

/// <summary>
/// An operator's review: the preference to send (null goes back to the profile, rules and policy),
/// and whether to send now instead of at the end of the hold.
/// </summary>
public sealed record ReviewConsumptionRequestCommand(Guid AppId, Guid RequestId, Optional<string?> Preference, bool SendNow)
    : IRequest<Result<ConsumptionRequestDto>>;
