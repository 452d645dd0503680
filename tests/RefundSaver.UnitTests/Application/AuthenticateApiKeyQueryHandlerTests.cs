using NSubstitute;
using RefundSaver.Application.ApiKeys;
using RefundSaver.Application.ApiKeys.Queries.AuthenticateApiKey;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Security;

namespace RefundSaver.UnitTests.Application;

public sealed class AuthenticateApiKeyQueryHandlerTests
{
    private readonly IApplicationDbContext _db = Substitute.For<IApplicationDbContext>();

    [Fact]
    public async Task Handle_WhenFromCacheOnlyAndTheKeyIsNotCached_ShouldFailWithoutQuerying()
    {
        using var cache = new ApiKeyCache(TimeProvider.System);
        var (key, _, _) = ApiKeySecret.Generate();

        var result = await new AuthenticateApiKeyQueryHandler(_db, cache)
            .Handle(new AuthenticateApiKeyQuery(key, FromCacheOnly: true), CancellationToken.None);

        result.IsSuccess.ShouldBeFalse();
        _ = _db.DidNotReceive().ApiKeys;
    }

    [Fact]
    public async Task Handle_WhenFromCacheOnlyAndTheKeyIsCached_ShouldAnswerItsApp()
    {
        using var cache = new ApiKeyCache(TimeProvider.System);
        var (key, keyId, hash) = ApiKeySecret.Generate();
        var appId = Guid.NewGuid();
        cache.Set(keyId, new CachedApiKey(appId, hash));

        var result = await new AuthenticateApiKeyQueryHandler(_db, cache)
            .Handle(new AuthenticateApiKeyQuery(key, FromCacheOnly: true), CancellationToken.None);

        result.IsSuccess.ShouldBeTrue();
        result.Value.ShouldBe(appId);
        _ = _db.DidNotReceive().ApiKeys;
    }
}
