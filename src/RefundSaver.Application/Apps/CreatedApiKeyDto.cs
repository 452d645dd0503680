namespace RefundSaver.Application.Apps;

/// <summary>A new API key with its secret, shown this once.</summary>
public sealed record CreatedApiKeyDto(ApiKeyDto Key, string Secret);
