using System.Security.Cryptography;
using RefundSaver.Infrastructure.AppStore;
using RefundSaver.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace RefundSaver.UnitTests.Infrastructure.AppStore;

public sealed class ChainValidationCacheTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _key.Dispose();

    [Fact]
    public void Add_WhenFull_ShouldEvictTheEntryExpiringFirst()
    {
        var cache = new ChainValidationCache(_clock, TimeSpan.FromMinutes(15), capacity: 3);
        for (var index = 0; index < 4; index++)
        {
            cache.Add(Key(index), Chain());
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        cache.Find(Key(0)).ShouldBeNull();
        cache.Find(Key(1)).ShouldNotBeNull();
        cache.Find(Key(3)).ShouldNotBeNull();
    }

    [Fact]
    public void Add_WhenFullOfExpiredEntries_ShouldDropThemAll()
    {
        var cache = new ChainValidationCache(_clock, TimeSpan.FromMinutes(1), capacity: 3);
        cache.Add(Key(0), Chain());
        cache.Add(Key(1), Chain());
        _clock.Advance(TimeSpan.FromSeconds(30));
        cache.Add(Key(2), Chain());
        _clock.Advance(TimeSpan.FromSeconds(31));

        cache.Add(Key(3), Chain());

        cache.Find(Key(2)).ShouldNotBeNull();
        cache.Find(Key(3)).ShouldNotBeNull();
        cache.Find(Key(0)).ShouldBeNull();
    }

    private static ChainCacheKey Key(int index) => new($"header{index}", "");

    private ValidatedChain Chain() => new(_key, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, AnchoredAtApple: true);
}
