using Mediator;
using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Results;
using RefundSaver.Application.Common.Security;

namespace RefundSaver.Application.ApiKeys.Queries.AuthenticateApiKey;

internal sealed class AuthenticateApiKeyQueryHandler(IApplicationDbContext db, ApiKeyCache cache)
    : IRequestHandler<AuthenticateApiKeyQuery, Result<Guid>>
{
    public static Error InvalidKey { get; } = Error.Unauthorized("Invalid API key.");

    public async ValueTask<Result<Guid>> Handle(AuthenticateApiKeyQuery request, CancellationToken cancellationToken)
    {
        var keyId = ApiKeySecret.TryGetKeyId(request.Key);
        if (keyId is null)
        {
            return InvalidKey;
        }

        if (!cache.TryGet(keyId, out var key))
        {
            if (request.FromCacheOnly)
            {
                return InvalidKey;
            }

            key = await db.ApiKeys.AsNoTracking()
                .Where(candidate => candidate.KeyId == keyId && candidate.RevokedAt == null)
                .Select(candidate => new CachedApiKey(candidate.AppId, candidate.SecretHash))
                .SingleOrDefaultAsync(cancellationToken);
            cache.Set(keyId, key);
        }

        return key is not null && ApiKeySecret.Matches(request.Key, key.SecretHash) ? key.AppId : InvalidKey;
    }
}
