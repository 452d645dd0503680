using System.Collections.Concurrent;
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
/// When an entry expires, the requests that find it missing share one lookup: a webhook under load
/// would otherwise send every one of them to the database at the same moment.
/// </summary>
public sealed class AppStoreApps(IMemoryCache cache, IServiceScopeFactory scopes)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Lazy<Task<AppStoreApp?>>> _lookups = new();
    private long _changes;

    public async Task<AppStoreApp?> FindByBundleIdAsync(string bundleId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(CacheKey(bundleId), out AppStoreApp? known))
        {
            return known;
        }

        var lookup = _lookups.GetOrAdd(bundleId, id => new Lazy<Task<AppStoreApp?>>(() => LoadAsync(id)));
        try
        {
            return await lookup.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            _lookups.TryRemove(KeyValuePair.Create(bundleId, lookup));
        }
    }

    public void Forget(string bundleId)
    {
        Interlocked.Increment(ref _changes);
        cache.Remove(CacheKey(bundleId));
    }

    private async Task<AppStoreApp?> LoadAsync(string bundleId)
    {
        var changesBefore = Interlocked.Read(ref _changes);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var app = await db.Apps.AsNoTracking().SingleOrDefaultAsync(app => app.BundleId == bundleId, CancellationToken.None);
        var found = app is null
            ? null
            : new AppStoreApp(
                app.Id,
                app.BundleId,
                app.AppleAppId,
                Enum.GetValues<AppStoreEnvironment>().Where(app.Accepts).ToHashSet(),
                app.ExtraTrustedRoots.Select(pem => X509Certificate2.CreateFromPem(pem).RawData).ToList());

        // A change made while this lookup ran may not be in what it read: answer it, but do not keep it.
        if (Interlocked.Read(ref _changes) == changesBefore)
        {
            cache.Set(CacheKey(bundleId), found, Lifetime);
        }

        return found;
    }

    internal static string CacheKey(string bundleId) => "app-store-app:" + bundleId;
}
