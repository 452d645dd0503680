namespace RefundSaver.Application.ApiKeys;

/// <summary>A key as looked up (null: no active key has that id), and when that answer stops being trusted.</summary>
internal sealed record ApiKeyCacheEntry(CachedApiKey? Key, DateTimeOffset ExpiresAt);
