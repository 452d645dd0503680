using System.Collections.Frozen;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.AppStore;

/// <summary>
/// Every app's App Store identity, all held in memory: there are few apps, and the webhook is
/// open to anyone, so a bundle id that no app has must cost no query and leave nothing behind.
/// The whole set is read again when it is older than <see cref="RefreshInterval"/> (changes made
/// in other processes) and at once after <see cref="Forget"/> (a change made in this process).
/// The requests that find it stale share one read.
/// </summary>
public sealed class WebhookAppCache
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    private readonly Func<CancellationToken, Task<IReadOnlyList<WebhookApp>>> _read;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private Snapshot? _snapshot;
    private Task<Snapshot>? _reading;
    private long _readingVersion;
    private long _changes;

    public WebhookAppCache(IServiceScopeFactory scopes, TimeProvider clock)
        : this(cancellationToken => ReadAllAsync(scopes, cancellationToken), clock)
    {
    }

    /// <summary>For tests: the apps come from <paramref name="read"/> instead of the database.</summary>
    internal WebhookAppCache(Func<CancellationToken, Task<IReadOnlyList<WebhookApp>>> read, TimeProvider clock)
    {
        _read = read;
        _clock = clock;
    }

    public async ValueTask<WebhookApp?> FindByBundleIdAsync(string bundleId, CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is null || !IsCurrent(snapshot))
        {
            snapshot = await Read().WaitAsync(cancellationToken);
        }

        return snapshot.Apps.GetValueOrDefault(bundleId);
    }

    /// <summary>An app was changed in this process: the next lookup reads them all again.</summary>
    public void Forget() => Interlocked.Increment(ref _changes);

    private bool IsCurrent(Snapshot snapshot) =>
        snapshot.Version == Interlocked.Read(ref _changes) && _clock.GetUtcNow() - snapshot.ReadAt < RefreshInterval;

    private Task<Snapshot> Read()
    {
        lock (_gate)
        {
            var version = Interlocked.Read(ref _changes);
            if (_reading is { IsCompleted: false } reading && _readingVersion == version)
            {
                return reading;
            }

            if (_snapshot is { } snapshot && IsCurrent(snapshot))
            {
                return Task.FromResult(snapshot);
            }

            _readingVersion = version;
            // Run outside the lock: the read starts synchronously up to its first await.
            return _reading = Task.Run(() => ReadAsync(version));
        }
    }

    private async Task<Snapshot> ReadAsync(long version)
    {
        // Timed from before the read: what it returns is at least this old.
        var readAt = _clock.GetUtcNow();
        var apps = await _read(CancellationToken.None);
        var snapshot = new Snapshot(apps.ToFrozenDictionary(app => app.BundleId, StringComparer.Ordinal), version, readAt);
        lock (_gate)
        {
            // A read begun before a change must not replace one begun after it.
            if (_snapshot is null || _snapshot.Version <= version)
            {
                _snapshot = snapshot;
            }
        }

        return snapshot;
    }

    private static async Task<IReadOnlyList<WebhookApp>> ReadAllAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var apps = await db.Apps.AsNoTracking().ToListAsync(cancellationToken);
        return apps
            .Select(app => new WebhookApp(
                app.Id,
                app.BundleId,
                app.AppleAppId,
                Enum.GetValues<AppStoreEnvironment>().Where(app.Accepts).ToHashSet(),
                TrustedRoots(app.ExtraTrustedRoots)))
            .ToList();
    }

    /// <summary>
    /// The roots an app may trust, as certificates: only certificate authorities. Roots are checked
    /// when an app is changed; a row saved before that check may hold another kind, which is left out.
    /// </summary>
    internal static IReadOnlyList<byte[]> TrustedRoots(IEnumerable<string> pems) =>
        [.. pems.Where(pem => TrustedRootCertificate.ProblemWith(pem) is null).Select(pem => X509Certificate2.CreateFromPem(pem).RawData)];

    private sealed record Snapshot(FrozenDictionary<string, WebhookApp> Apps, long Version, DateTimeOffset ReadAt);
}
