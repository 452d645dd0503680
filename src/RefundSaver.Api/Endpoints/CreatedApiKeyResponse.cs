using RefundSaver.Application.Apps;

namespace RefundSaver.Api.Endpoints;

/// <summary>A new API key with its secret, shown this once.</summary>
public sealed record CreatedApiKeyResponse(Guid Id, string KeyId, string Name, DateTimeOffset CreatedAt, string ApiKey)
{
    public static CreatedApiKeyResponse From(CreatedApiKeyDto created) =>
        new(created.Key.Id, created.Key.KeyId, created.Key.Name, created.Key.CreatedAt, created.Secret);
}
