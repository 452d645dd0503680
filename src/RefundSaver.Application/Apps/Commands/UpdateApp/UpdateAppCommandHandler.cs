using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.AppStore;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Messaging;
using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.Apps.Commands.UpdateApp;

internal sealed class UpdateAppCommandHandler(IApplicationDbContext db, AppStoreApps appStoreApps)
    : IRequestHandler<UpdateAppCommand, Result<AppDto>>
{
    public async Task<Result<AppDto>> Handle(UpdateAppCommand request, CancellationToken cancellationToken)
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

        var previousBundleId = app.BundleId;
        app.ConfigureAppStore(
            bundleId,
            request.AppleAppId,
            request.Environments.Map(names => (IReadOnlyCollection<AppStoreEnvironment>)names!
                .Select(name => AppStoreEnvironmentNames.TryParse(name, out var environment) ? environment.Value : default)
                .ToList()),
            request.ExtraTrustedRoots.Map(pems => (IReadOnlyList<string>)pems!.Select(pem => pem.Trim()).ToList()));
        await db.SaveChangesAsync(cancellationToken);
        appStoreApps.Forget(previousBundleId);
        appStoreApps.Forget(app.BundleId);
        return AppDto.From(app);
    }
}
