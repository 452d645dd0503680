using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Security;
using RefundSaver.Domain.Apps;

namespace RefundSaver.Application.Apps;

/// <summary>Makes a new key for an app and adds it to the unit of work; the caller saves.</summary>
internal static class ApiKeyIssuer
{
    public static CreatedApiKeyDto Issue(IApplicationDbContext db, Guid appId, string name, DateTimeOffset now)
    {
        var (secret, keyId, hash) = ApiKeySecret.Generate();
        var key = ApiKey.Create(appId, keyId, hash, name, now);
        db.ApiKeys.Add(key);
        return new CreatedApiKeyDto(ApiKeyDto.From(key), secret);
    }
}
