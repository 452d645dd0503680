using Mediator;
using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.Apps.Rules;
using RefundSaver.Application.AppStore;
using RefundSaver.Application.AppStore.Api;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.Apps;
using RefundSaver.Domain.AppStore;
using RefundSaver.Domain.Consumption;

namespace RefundSaver.Application.Apps.Commands.UpdateApp;

internal sealed class UpdateAppCommandHandler(IApplicationDbContext db, WebhookAppCache webhookApps, ICredentialProtector protector)
    : IRequestHandler<UpdateAppCommand, Result<AppDto>>
{
    public async ValueTask<Result<AppDto>> Handle(UpdateAppCommand request, CancellationToken cancellationToken)
    {
        var app = await db.Apps.SingleOrDefaultAsync(app => app.Id == request.AppId, cancellationToken);
        if (app is null)
        {
            return AppErrors.AppNotFound;
        }

        var bundleId = request.BundleId.Map(value => value!.Trim());
        if (bundleId.HasValue && bundleId.Value != app.BundleId
            && await db.Apps.AnyAsync(other => other.BundleId == bundleId.Value, cancellationToken))
        {
            return AppErrors.BundleIdTaken;
        }

        if (request.AppStoreCredentials is { HasValue: true, Value: { } credentials })
        {
            if (!protector.IsConfigured)
            {
                return AppErrors.CredentialsKeyMissing;
            }

            var pem = credentials.PrivateKeyPem!.Replace("\\n", "\n", StringComparison.Ordinal).Trim();
            var (issuerId, keyId) = (credentials.IssuerId!.Trim(), credentials.KeyId!.Trim());
            app.SetAppStoreCredentials(issuerId, keyId, protector.Protect(pem, new CredentialBinding(app.Id, issuerId, keyId)));
        }
        else if (request.AppStoreCredentials.HasValue)
        {
            app.ClearAppStoreCredentials();
        }

        app.ConfigureAppStore(
            bundleId,
            request.AppleAppId,
            request.Environments.Map(names => (IReadOnlyCollection<AppStoreEnvironment>)names!
                .Select(name => AppStoreEnvironmentNames.TryParse(name, out var environment) ? environment.Value : default)
                .ToList()),
            request.ExtraTrustedRoots.Map(pems => (IReadOnlyList<string>)pems!.Select(pem => pem.Trim()).ToList()));
        app.ConfigureRefundSaver(new RefundSaverConfiguration
        {
            Enabled = request.RefundSaverEnabled.Map(enabled => enabled!.Value),
            ApiVersion = request.ConsumptionApiVersion.Map(name => ConsumptionApiVersionNames.Parse(name!)),
            Policy = request.RefundPolicy.Map(name => RefundPolicyNames.Parse(name!)),
            ConsentDefault = request.ConsentDefault.Map(name => ConsentDefaultNames.Parse(name!)),
            SampleContentProvided = request.SampleContentProvided.Map(provided => provided!.Value),
            ReviewDelayMinutes = request.ReviewDelayMinutes.Map(minutes => minutes is null or 0 ? null : (int?)minutes),
            Rules = request.Rules.Map(rules => PreferenceRules.ToDomain(rules!.OfType<PreferenceRuleDto>())),
        });
        await db.SaveChangesAsync(cancellationToken);
        webhookApps.Forget();
        return AppDto.From(app);
    }
}
