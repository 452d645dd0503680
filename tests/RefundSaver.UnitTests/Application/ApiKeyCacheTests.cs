using RefundSaver.Application.ApiKeys;

namespace RefundSaver.UnitTests.Application;

public sealed class ApiKeyCacheTests
{
    [Fact]
    public void Set_WhenFilledToCapacity_ShouldHoldEveryEntry()
    {
        using var cache = new ApiKeyCache();

        for (var index = 0; index < ApiKeyCache.Capacity; index++)
        {
            cache.Set("unknown-" + index, null);
        }

        cache.Count.ShouldBe(ApiKeyCache.Capacity);
    }

    [Fact]
    public void Set_WhenAFloodOfUnknownIdsGoesPastCapacity_ShouldStayWithinItAndKeepTheActiveKey()
    {
        using var cache = new ApiKeyCache();
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
}
