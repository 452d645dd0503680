using Mediator;
using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.ApiKeys;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Apps.Commands.RevokeApiKey;

internal sealed class RevokeApiKeyCommandHandler(IApplicationDbContext db, ApiKeyCache cache, TimeProvider clock)
    : IRequestHandler<RevokeApiKeyCommand, Result<ApiKeyDto>>
{
    public async ValueTask<Result<ApiKeyDto>> Handle(RevokeApiKeyCommand request, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(
            key => key.Id == request.ApiKeyId && key.AppId == request.AppId, cancellationToken);
        if (key is null)
        {
            return AppErrors.ApiKeyNotFound;
        }

        key.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        cache.Forget(key.KeyId);
        return ApiKeyDto.From(key);
    }
}
