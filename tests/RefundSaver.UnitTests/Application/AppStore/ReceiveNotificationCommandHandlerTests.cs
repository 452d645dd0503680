using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using RefundSaver.Application.AppStore;
using RefundSaver.Application.AppStore.Notifications.Commands.ReceiveNotification;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.UnitTests.Application.AppStore;

/// <summary>Redis as the webhook's shortcut for duplicates: believed when it has answered, never waited for.</summary>
public sealed class ReceiveNotificationCommandHandlerTests
{
    private const string BundleId = "com.example.handler";
    private static readonly Guid Uuid = Guid.NewGuid();
    private static readonly string Jws = Compact($$$"""
        {"notificationType":"TEST","notificationUUID":"{{{Uuid}}}","version":"2.0","signedDate":1796212800000,
         "data":{"bundleId":"{{{BundleId}}}","environment":"Sandbox"}}
        """);

    private readonly ISignedPayloadVerifier _verifier = Substitute.For<ISignedPayloadVerifier>();
    private readonly INotificationStore _store = Substitute.For<INotificationStore>();
    private readonly IProcessedNotifications _processed = Substitute.For<IProcessedNotifications>();
    private readonly MemoryCache _cache = new(new MemoryCacheOptions());

    public ReceiveNotificationCommandHandlerTests()
    {
        UnverifiedJws.TryReadPayload(Jws, out var payload).ShouldBeTrue();
        _verifier.Verify(Jws, Arg.Any<IReadOnlyList<byte[]>>()).Returns(SignedPayloadVerification.Verified(payload));
        _cache.Set(
            AppStoreApps.CacheKey(BundleId),
            new AppStoreApp(Guid.NewGuid(), BundleId, null, new HashSet<AppStoreEnvironment> { AppStoreEnvironment.Sandbox }, []));
    }

    [Fact]
    public async Task Handle_WhenRedisAlreadyAnsweredProcessed_ShouldAnswerDuplicateWithoutTheDatabase()
    {
        _processed.IsProcessedAsync(Uuid).Returns(true);

        var result = await Handle();

        result.Value!.Duplicate.ShouldBeTrue();
        await _store.DidNotReceiveWithAnyArgs().SaveAsync(default!, default);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Handle_WhenRedisAnswersOnlyAfterTheSignaturesAreChecked_ShouldLetTheDatabaseDecide(bool storedNow)
    {
        var lateAnswer = new TaskCompletionSource<bool>();
        _processed.IsProcessedAsync(Uuid).Returns(lateAnswer.Task);
        _store.SaveAsync(Arg.Any<NewNotification>(), Arg.Any<CancellationToken>()).Returns(storedNow);

        var handling = Handle();
        lateAnswer.SetResult(true);
        var result = await handling;

        result.Value!.Duplicate.ShouldBe(!storedNow);
        await _store.Received(1).SaveAsync(Arg.Is<NewNotification>(stored => stored.NotificationUuid == Uuid), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_WhenRedisAnsweredNotProcessed_ShouldStoreAndMarkItAfterTheCommit()
    {
        _processed.IsProcessedAsync(Uuid).Returns(false);
        _store.SaveAsync(Arg.Any<NewNotification>(), Arg.Any<CancellationToken>()).Returns(true);

        var result = await Handle();

        result.Value!.Duplicate.ShouldBeFalse();
        Received.InOrder(() =>
        {
            _store.SaveAsync(Arg.Any<NewNotification>(), Arg.Any<CancellationToken>());
            _processed.MarkProcessed(Uuid);
        });
    }

    private ValueTask<RefundSaver.Application.Common.Results.Result<NotificationReceipt>> Handle() =>
        new ReceiveNotificationCommandHandler(
                _verifier,
                new AppStoreApps(_cache, Substitute.For<IServiceScopeFactory>()),
                _store,
                _processed,
                TimeProvider.System,
                NullLogger<ReceiveNotificationCommandHandler>.Instance)
            .Handle(new ReceiveNotificationCommand(Jws), CancellationToken.None);

    /// <summary>A well-formed JWS whose signature the substitute verifier vouches for.</summary>
    private static string Compact(string payloadJson) =>
        $"{Part("""{"alg":"ES256"}""")}.{Part(JsonSerializer.Serialize(JsonDocument.Parse(payloadJson).RootElement))}.{Part("signature")}";

    private static string Part(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
}
