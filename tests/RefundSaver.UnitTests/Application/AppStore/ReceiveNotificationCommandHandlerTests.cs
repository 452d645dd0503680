using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using RefundSaver.Application.AppStore;
using RefundSaver.Application.AppStore.Notifications.Commands.ReceiveNotification;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.UnitTests.Application.AppStore;

/// <summary>
/// Redis as the webhook's shortcut for duplicates (believed when it has answered, never waited for),
/// and the window of <c>signedDate</c>s the webhook takes.
/// </summary>
public sealed class ReceiveNotificationCommandHandlerTests
{
    private const string BundleId = "com.example.handler";
    private const long SignedDate = 1_796_212_800_000;
    private const long MillisecondsIn180Days = 180L * 24 * 60 * 60 * 1000;
    private static readonly Guid Uuid = Guid.NewGuid();
    private static readonly string Jws = Compact($$$"""
        {"notificationType":"TEST","notificationUUID":"{{{Uuid}}}","version":"2.0","signedDate":{{{SignedDate}}},
         "data":{"bundleId":"{{{BundleId}}}","environment":"Sandbox"}}
        """);

    private readonly ISignedPayloadVerifier _verifier = Substitute.For<ISignedPayloadVerifier>();
    private readonly INotificationStore _store = Substitute.For<INotificationStore>();
    private readonly IProcessedNotifications _processed = Substitute.For<IProcessedNotifications>();
    private readonly WebhookAppCache _apps = new(
        _ => Task.FromResult<IReadOnlyList<WebhookApp>>(
            [new WebhookApp(Guid.NewGuid(), BundleId, null, new HashSet<AppStoreEnvironment> { AppStoreEnvironment.Sandbox }, [])]),
        TimeProvider.System);

    public ReceiveNotificationCommandHandlerTests()
    {
        UnverifiedJws.TryReadPayload(Jws, out var payload).ShouldBeTrue();
        _verifier.Verify(Jws, Arg.Any<IReadOnlyList<byte[]>>()).Returns(SignedPayloadVerification.Verified(payload));
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
        // The apps already read, as on the hot path: the handler then runs to the signatures without yielding.
        await _apps.FindByBundleIdAsync(BundleId, CancellationToken.None);

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

    [Theory]
    [InlineData(MillisecondsIn180Days, 300, true)]
    [InlineData(MillisecondsIn180Days + 1, 300, false)]
    [InlineData(-300_000, 300, true)]
    [InlineData(-300_001, 300, false)]
    [InlineData(-60_000, 60, true)]
    [InlineData(-60_001, 60, false)]
    public async Task Handle_WhenSignedDateIsAtOrPastAnEdgeOfTheWindow_ShouldAcceptOnlyWithinIt(
        long nowMinusSignedDateMilliseconds, int maxClockSkewSeconds, bool accepted)
    {
        _processed.IsProcessedAsync(Uuid).Returns(false);
        _store.SaveAsync(Arg.Any<NewNotification>(), Arg.Any<CancellationToken>()).Returns(true);

        var result = await Handle(nowMinusSignedDateMilliseconds, maxClockSkewSeconds);

        result.IsSuccess.ShouldBe(accepted);
        if (accepted)
        {
            await _store.Received(1).SaveAsync(Arg.Any<NewNotification>(), Arg.Any<CancellationToken>());
        }
        else
        {
            result.Error!.Code.ShouldBe("invalid_signed_payload");
            await _store.DidNotReceiveWithAnyArgs().SaveAsync(default!, default);
        }
    }

    [Fact]
    public void MaxClockSkewSeconds_WhenNotConfigured_ShouldBeFiveMinutes() =>
        new AppStoreWebhookOptions().MaxClockSkewSeconds.ShouldBe(300);

    private ValueTask<RefundSaver.Application.Common.Results.Result<NotificationReceipt>> Handle(
        long nowMinusSignedDateMilliseconds = 0, int maxClockSkewSeconds = 300) =>
        new ReceiveNotificationCommandHandler(
                _verifier,
                _apps,
                _store,
                _processed,
                new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(SignedDate + nowMinusSignedDateMilliseconds)),
                Options.Create(new AppStoreWebhookOptions { MaxClockSkewSeconds = maxClockSkewSeconds }),
                NullLogger<ReceiveNotificationCommandHandler>.Instance)
            .Handle(new ReceiveNotificationCommand(Jws), CancellationToken.None);

    /// <summary>A well-formed JWS whose signature the substitute verifier vouches for.</summary>
    private static string Compact(string payloadJson) =>
        $"{Part("""{"alg":"ES256"}""")}.{Part(JsonSerializer.Serialize(JsonDocument.Parse(payloadJson).RootElement))}.{Part("signature")}";

    private static string Part(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
}
