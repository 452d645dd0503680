using Mediator;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Apps.Commands.CreateApiKey;

public sealed record CreateApiKeyCommand(Guid AppId, string? Name) : IRequest<Result<CreatedApiKeyDto>>;
