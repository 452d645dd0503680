using RefundSaver.Api.Json;
using RefundSaver.Application.Apps.Commands.UpdateApp;
using RefundSaver.Application.Apps.Rules;

namespace RefundSaver.Api.Endpoints;

/// <summary>The body of PATCH /admin/api/apps/{appId}: a field left out stays as it is.</summary>
public sealed record UpdateAppRequest
{
    public RequestField<string?> BundleId { get; init; }

    public RequestField<long?> AppleAppId { get; init; }

    public RequestField<IReadOnlyList<string>?> Environments { get; init; }

    public RequestField<IReadOnlyList<string>?> ExtraTrustedRoots { get; init; }

    public RequestField<AppStoreCredentialsInput?> AppStoreCredentials { get; init; }

    public RequestField<bool?> RefundSaverEnabled { get; init; }

    public RequestField<string?> ConsumptionApiVersion { get; init; }

    public RequestField<string?> RefundPolicy { get; init; }

    public RequestField<string?> ConsentDefault { get; init; }

    public RequestField<bool?> SampleContentProvided { get; init; }

    public RequestField<long?> ReviewDelayMinutes { get; init; }

    public RequestField<IReadOnlyList<PreferenceRuleDto?>?> Rules { get; init; }
}
