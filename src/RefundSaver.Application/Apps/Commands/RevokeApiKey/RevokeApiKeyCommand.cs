using Mediator;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Apps.Commands.RevokeApiKey;

public sealed record RevokeApiKeyCommand(Guid AppId, Guid ApiKeyId) : IRequest<Result<ApiKeyDto>>;
