namespace RefundSaver.Application.ApiKeys;

public sealed record CachedApiKey(Guid AppId, byte[] SecretHash);
