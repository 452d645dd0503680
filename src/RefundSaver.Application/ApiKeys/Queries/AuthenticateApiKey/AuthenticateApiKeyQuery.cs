using Mediator;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.ApiKeys.Queries.AuthenticateApiKey;

/// <summary>
/// Finds the app an API key belongs to; any failure is the same "not authenticated". With
/// <paramref name="FromCacheOnly"/>, a key not in the cache fails without a database query (a throttled caller).
/// </summary>
public sealed record AuthenticateApiKeyQuery(string Key, bool FromCacheOnly = false) : IRequest<Result<Guid>>;
