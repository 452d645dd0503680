using Mediator;
using RefundSaver.Application.AppStore.Dispatching;

namespace RefundSaver.Application.AppStore.ConsumptionRequests.Commands.AnswerConsumptionRequest;

/// <summary>
/// Answers one consumption request that this dispatcher has claimed (<paramref name="Claimed"/>: the
/// request, its app and its customer as they stood at the claim): held, skipped, expired, or sent to
/// Apple, with the attempt recorded and Apple's answer judged.
/// </summary>
public sealed record AnswerConsumptionRequestCommand(DispatchContext Claimed) : IRequest;
