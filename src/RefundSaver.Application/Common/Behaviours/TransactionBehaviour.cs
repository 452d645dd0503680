using Mediator;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Common.Behaviours;

/// <summary>
/// Runs a <see cref="ITransactionalCommand"/>'s handler in one database transaction, committed only
/// when the handler succeeds: an exception or a failed result leaves nothing of its writes.
/// </summary>
internal sealed class TransactionBehaviour<TMessage, TResponse>(IApplicationDbContext db)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage, ITransactionalCommand
    where TResponse : IFailable<TResponse>
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var response = await next(message, cancellationToken);
        if (response.IsSuccess)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return response;
    }
}
