using RefundSaver.Domain.Apps;

namespace RefundSaver.Application.Apps;

/// <summary>An API key as listed: never the secret.</summary>
public sealed record ApiKeyDto(Guid Id, string KeyId, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static ApiKeyDto From(ApiKey key) => new(key.Id, key.KeyId, key.Name, key.CreatedAt, key.RevokedAt);
}
