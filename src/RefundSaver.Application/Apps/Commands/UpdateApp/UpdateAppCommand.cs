using RefundSaver.Application.Common.Messaging;
using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.Common;

namespace RefundSaver.Application.Apps.Commands.UpdateApp;

/// <summary>The admin PATCH of an app: what is left out stays as it is.</summary>
public sealed record UpdateAppCommand(
    Guid AppId,
    Optional<string?> BundleId,
    Optional<long?> AppleAppId,
    Optional<IReadOnlyList<string>?> Environments,
    Optional<IReadOnlyList<string>?> ExtraTrustedRoots) : IRequest<Result<AppDto>>;
