using Mediator;
using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.Common.Behaviours;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.Profiles.Commands.LinkTransaction;

/// <summary>
/// Records the link, then moves what is already known of the purchase to the profile; later
/// notifications of it find the link. Linking again is harmless, and a later link wins. The three
/// writes commit together (<see cref="ITransactionalCommand"/>).
/// </summary>
internal sealed class LinkTransactionCommandHandler(IApplicationDbContext db, TimeProvider clock)
    : IRequestHandler<LinkTransactionCommand, Result<TransactionLinkDto>>
{
    public async ValueTask<Result<TransactionLinkDto>> Handle(LinkTransactionCommand request, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.AsNoTracking().FindBySelectorAsync(request.AppId, request.Selector, cancellationToken);
        if (profile is null)
        {
            return ProfileErrors.NotFound;
        }

        var originalTransactionId = request.OriginalTransactionId!;
        var now = clock.GetUtcNow();
        var link = await db.TransactionLinks.SingleOrDefaultAsync(
            link => link.AppId == request.AppId && link.OriginalTransactionId == originalTransactionId, cancellationToken);
        if (link is null)
        {
            db.TransactionLinks.Add(TransactionLink.Create(request.AppId, originalTransactionId, profile.Id, now));
        }
        else
        {
            link.MoveTo(profile.Id, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        var transactions = await db.AppStoreTransactions
            .Where(transaction => transaction.AppId == request.AppId && transaction.OriginalTransactionId == originalTransactionId)
            .ExecuteUpdateAsync(update => update.SetProperty(transaction => transaction.ProfileId, profile.Id), cancellationToken);
        var requests = await db.ConsumptionRequests
            .Where(consumption => consumption.AppId == request.AppId && consumption.OriginalTransactionId == originalTransactionId)
            .ExecuteUpdateAsync(update => update.SetProperty(consumption => consumption.ProfileId, profile.Id), cancellationToken);
        return new TransactionLinkDto(profile.Id, originalTransactionId, transactions, requests);
    }
}
