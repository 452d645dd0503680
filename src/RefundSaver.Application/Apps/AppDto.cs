using RefundSaver.Application.Apps.Rules;
using RefundSaver.Domain.Apps;
using RefundSaver.Domain.AppStore;
using RefundSaver.Domain.Consumption;

namespace RefundSaver.Application.Apps;

/// <summary>An app as the admin API shows it; its App Store private key is never shown.</summary>
public sealed record AppDto(
    Guid Id,
    string Name,
    string BundleId,
    long? AppleAppId,
    IReadOnlyList<string> Environments,
    IReadOnlyList<string> ExtraTrustedRoots,
    AppStoreCredentialsDto? AppStoreCredentials,
    bool RefundSaverEnabled,
    string ConsumptionApiVersion,
    string RefundPolicy,
    string ConsentDefault,
    bool SampleContentProvided,
    int? ReviewDelayMinutes,
    IReadOnlyList<PreferenceRuleDto> Rules,
    DateTimeOffset CreatedAt)
{
    public static AppDto From(App app) => new(
        app.Id,
        app.Name,
        app.BundleId,
        app.AppleAppId,
        Enum.GetValues<AppStoreEnvironment>().Where(app.Accepts).Select(environment => environment.ToName()).ToList(),
        app.ExtraTrustedRoots,
        app.HasAppStoreCredentials ? new AppStoreCredentialsDto(app.AppStoreIssuerId!, app.AppStoreKeyId!, PrivateKeyStored: true) : null,
        app.RefundSaverEnabled,
        app.ConsumptionApiVersion.ToWire(),
        app.RefundPolicy.ToWire(),
        app.ConsentDefault.ToWire(),
        app.SampleContentProvided,
        app.ReviewDelayMinutes,
        PreferenceRules.FromDomain(app.Rules),
        app.CreatedAt);
}
