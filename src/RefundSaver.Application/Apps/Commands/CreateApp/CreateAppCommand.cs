using Mediator;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Apps.Commands.CreateApp;

public sealed record CreateAppCommand(string? Name, string? BundleId) : IRequest<Result<CreatedAppDto>>;
