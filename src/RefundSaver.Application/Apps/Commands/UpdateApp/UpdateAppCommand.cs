using Mediator;
using RefundSaver.Application.Apps.Rules;
using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.Common;

namespace RefundSaver.Application.Apps.Commands.UpdateApp;

/// <summary>The admin PATCH of an app: what is left out stays as it is.</summary>
public sealed record UpdateAppCommand(Guid AppId) : IRequest<Result<AppDto>>
{
    public Optional<string?> BundleId { get; init; }

    public Optional<long?> AppleAppId { get; init; }

    public Optional<IReadOnlyList<string>?> Environments { get; init; }

    public Optional<IReadOnlyList<string>?> ExtraTrustedRoots { get; init; }

    /// <summary>Null removes the credentials (nothing can be sent to Apple until new ones are given).</summary>
    public Optional<AppStoreCredentialsInput?> AppStoreCredentials { get; init; }

    public Optional<bool?> RefundSaverEnabled { get; init; }

    public Optional<string?> ConsumptionApiVersion { get; init; }

    public Optional<string?> RefundPolicy { get; init; }

    public Optional<string?> ConsentDefault { get; init; }

    public Optional<bool?> SampleContentProvided { get; init; }

    /// <summary>Null or 0 sends at once.</summary>
    public Optional<long?> ReviewDelayMinutes { get; init; }

    public Optional<IReadOnlyList<PreferenceRuleDto?>?> Rules { get; init; }
}
