using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.AppStore;

/// <summary>
/// Apps by bundle id, kept in memory for a few seconds so that each notification costs no lookup.
/// A change made in this process is seen at once; in other processes within <see cref="Lifetime"/>.
/// </summary>
public sealed class AppStoreApps(IMemoryCache cache, IServiceScopeFactory scopes)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    public async Task<AppStoreApp?> FindByBundleIdAsync(string bundleId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(CacheKey(bundleId), out AppStoreApp? known))
        {
            return known;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var app = await db.Apps.AsNoTracking().SingleOrDefaultAsync(app => app.BundleId == bundleId, cancellationToken);
        var found = app is null
            ? null
            : new AppStoreApp(
                app.Id,
                app.BundleId,
                app.AppleAppId,
                Enum.GetValues<AppStoreEnvironment>().Where(app.Accepts).ToHashSet(),
                app.ExtraTrustedRoots.Select(pem => X509Certificate2.CreateFromPem(pem).RawData).ToList());
        cache.Set(CacheKey(bundleId), found, Lifetime);
        return found;
    }

    public void Forget(string bundleId) => cache.Remove(CacheKey(bundleId));

    private static string CacheKey(string bundleId) => "app-store-app:" + bundleId;
}
