using Microsoft.Extensions.Time.Testing;
using RefundSaver.Application.ApiKeys;

namespace RefundSaver.UnitTests.Application;

public sealed class ApiKeyCacheTests
{
    [Fact]
    public void Set_WhenFilledToCapacity_ShouldHoldEveryEntry()
    {
        using var cache = new ApiKeyCache(TimeProvider.System);

        for (var index = 0; index < ApiKeyCache.Capacity; index++)
        {
            cache.Set("unknown-" + index, null);
        }

        cache.Count.ShouldBe(ApiKeyCache.Capacity);
    }

    [Fact]
    public void Set_WhenAFloodOfUnknownIdsGoesPastCapacity_ShouldStayWithinItAndKeepTheActiveKey()
    {
        using var cache = new ApiKeyCache(TimeProvider.System);
        var active = new CachedApiKey(Guid.NewGuid(), [1, 2, 3]);
        cache.Set("active", active);

        for (var index = 0; index < ApiKeyCache.Capacity; index++)
        {
            cache.Set("unknown-" + index, null);
        }

        cache.Count.ShouldBeLessThanOrEqualTo(ApiKeyCache.Capacity);
        cache.TryGet("active", out var kept).ShouldBeTrue();
        kept.ShouldBe(active);
    }

    [Fact]
    public void TryGet_WhenTheInjectedClockReachesTheLifetime_ShouldTrustTheEntryUntilThenAndNotAfter()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var cache = new ApiKeyCache(clock);
        cache.Set("key", new CachedApiKey(Guid.NewGuid(), [1]));

        clock.Advance(ApiKeyCache.Lifetime - TimeSpan.FromTicks(1));
        cache.TryGet("key", out var kept).ShouldBeTrue();
        kept.ShouldNotBeNull();
        clock.Advance(TimeSpan.FromTicks(1));
        cache.TryGet("key", out _).ShouldBeFalse();
    }
}
