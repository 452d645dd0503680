using Mediator;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.ApiKeys.Queries.AuthenticateApiKey;

/// <summary>Finds the app an API key belongs to; any failure is the same "not authenticated".</summary>
public sealed record AuthenticateApiKeyQuery(string Key) : IRequest<Result<Guid>>;
