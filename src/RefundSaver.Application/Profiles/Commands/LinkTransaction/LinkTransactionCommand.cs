using Mediator;
using RefundSaver.Application.Common.Behaviours;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Profiles.Commands.LinkTransaction;

/// <summary>Says that an App Store purchase (all transactions of an original transaction) is this profile's.</summary>
public sealed record LinkTransactionCommand(Guid AppId, ProfileSelector Selector, string? OriginalTransactionId)
    : IRequest<Result<TransactionLinkDto>>, IProfileRequest, ITransactionalCommand;
