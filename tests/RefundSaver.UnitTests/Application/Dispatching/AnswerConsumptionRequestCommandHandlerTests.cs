using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using RefundSaver.Application.AppStore.Api;
using RefundSaver.Application.AppStore.ConsumptionRequests.Commands.AnswerConsumptionRequest;
using RefundSaver.Application.AppStore.Dispatching;
using RefundSaver.Domain.Apps;
using RefundSaver.Domain.AppStore;
using RefundSaver.Domain.Common;

namespace RefundSaver.UnitTests.Application.Dispatching;

/// <summary>Answering one claimed request through the ports: the queue and its lease, Apple's turns, Apple's API and the key's seal.</summary>
public sealed class AnswerConsumptionRequestCommandHandlerTests
{
    private const string PrivateKey = "the-opened-private-key";

    private readonly ILeasedRequests _requests = Substitute.For<ILeasedRequests>();
    private readonly IAppleTurns _turns = Substitute.For<IAppleTurns>();
    private readonly IAppStoreApi _apple = Substitute.For<IAppStoreApi>();
    private readonly ICredentialProtector _protector = Substitute.For<ICredentialProtector>();
    private readonly FakeTimeProvider _clock = new(DispatchScenario.Now);
    private readonly IDisposable _place = Substitute.For<IDisposable>();

    public AnswerConsumptionRequestCommandHandlerTests()
    {
        _requests.StartSendingAsync(default, default!, default).ReturnsForAnyArgs(true);
        _requests.FinishAsync(default, default, default!, default).ReturnsForAnyArgs(true);
        _protector.Unprotect("sealed-private-key", Arg.Any<CredentialBinding>()).Returns(PrivateKey);
        _protector.IsCurrentFormat(Arg.Any<string>()).Returns(true);
        _turns.TakeAsync(default, default, default).ReturnsForAnyArgs(new AppleTurn(_place, DispatchScenario.Now));
        _apple.SendConsumptionAsync(default!, default!, default!, default!, default).ReturnsForAnyArgs(Answer(AppStoreAnswerKind.Accepted, 202));
    }

    [Fact]
    public async Task Handle_WhenTheCustomerDeclined_ShouldSkipWithoutApple()
    {
        var context = DispatchScenario.Context();
        context.Profile!.With(nameof(context.Profile.Consent), false);

        await HandleAsync(context);

        await _requests.Received(1).FinishAsync(context.Request.Id, ConsumptionRequestState.Skipped, "No consent: the customer declined.", Arg.Any<CancellationToken>());
        await _turns.DidNotReceiveWithAnyArgs().TakeAsync(default, default, default);
        await _apple.DidNotReceiveWithAnyArgs().SendConsumptionAsync(default!, default!, default!, default!, default);
    }

    [Fact]
    public async Task Handle_WhenAReviewDelayIsSet_ShouldHoldTheRequestUntilItEnds()
    {
        var context = DispatchScenario.Context(new RefundSaverConfiguration { ReviewDelayMinutes = Optional<int?>.Of(30) });

        await HandleAsync(context);

        var until = DispatchScenario.Created.AddMinutes(30);
        await _requests.Received(1).ReleaseAsync(context.Request.Id, ConsumptionRequestState.Held, until, Arg.Any<string>(), Arg.Any<CancellationToken>());
        await _apple.DidNotReceiveWithAnyArgs().SendConsumptionAsync(default!, default!, default!, default!, default);
    }

    [Fact]
    public async Task Handle_WhenTheRequestIsToBeSent_ShouldRecordTheBodyTakeATurnSendAndRecordTheAttemptInThatOrder()
    {
        var context = DispatchScenario.Context();

        await HandleAsync(context);

        Received.InOrder(() =>
        {
            _requests.StartSendingAsync(context.Request.Id, Arg.Any<DispatchPlan.Send>(), Arg.Any<CancellationToken>());
            _apple.PrepareToken(Arg.Is<AppStoreCall>(call => call.TakesTurns && call.Credentials.PrivateKeyPem == PrivateKey));
            _turns.TakeAsync(context.Request.AppId, AppStoreEnvironment.Production, Arg.Any<CancellationToken>());
            _apple.SendConsumptionAsync(Arg.Any<AppStoreCall>(), "v2", DispatchScenario.TransactionId, Arg.Any<string>(), Arg.Any<CancellationToken>());
            _place.Dispose();
            _requests.RecordAttemptAsync(
                Arg.Is<ConsumptionAttempt>(attempt => attempt.Number == 1 && attempt.StatusCode == 202),
                Arg.Any<AttemptVerdict.Answered>(),
                Arg.Any<CancellationToken>());
        });
    }

    [Fact]
    public async Task Handle_WhenNoTurnIsFree_ShouldGiveTheRequestBackUntilTheNextFreeTurn()
    {
        var context = DispatchScenario.Context();
        var nextFree = DispatchScenario.Now.AddSeconds(2);
        _turns.TakeAsync(default, default, default).ReturnsForAnyArgs(new AppleTurn(null, nextFree));

        await HandleAsync(context);

        await _requests.Received(1).ReleaseAsync(context.Request.Id, ConsumptionRequestState.Due, nextFree, Arg.Any<string>(), Arg.Any<CancellationToken>());
        await _apple.DidNotReceiveWithAnyArgs().SendConsumptionAsync(default!, default!, default!, default!, default);
        await _requests.DidNotReceiveWithAnyArgs().RecordAttemptAsync(default!, default!, default);
    }

    [Fact]
    public async Task Handle_WhenTheLeaseWasLostBeforeSending_ShouldNeitherTakeATurnNorCallApple()
    {
        _requests.StartSendingAsync(default, default!, default).ReturnsForAnyArgs(false);

        await HandleAsync(DispatchScenario.Context());

        await _turns.DidNotReceiveWithAnyArgs().TakeAsync(default, default, default);
        await _apple.DidNotReceiveWithAnyArgs().SendConsumptionAsync(default!, default!, default!, default!, default);
    }

    [Fact]
    public async Task Handle_WhenTheSealedKeyCannotBeOpened_ShouldFailTheRequestWithoutCallingApple()
    {
        var context = DispatchScenario.Context();
        _protector.Unprotect(default!, default!).ThrowsForAnyArgs(new CryptographicException());

        await HandleAsync(context);

        await _requests.Received(1).FinishAsync(
            context.Request.Id, ConsumptionRequestState.Failed, Arg.Is<string>(reason => reason.Contains("AppStore:CredentialsKey")), Arg.Any<CancellationToken>());
        await _apple.DidNotReceiveWithAnyArgs().SendConsumptionAsync(default!, default!, default!, default!, default);
    }

    [Fact]
    public async Task Handle_WhenTheKeyIsSealedInTheOldFormat_ShouldSealItAgainBoundToItsApp()
    {
        var context = DispatchScenario.Context();
        _protector.IsCurrentFormat("sealed-private-key").Returns(false);
        _protector.Protect(PrivateKey, CredentialBinding.Of(context.App)).Returns("resealed");

        await HandleAsync(context);

        await _requests.Received(1).ResealKeyAsync(context.App.Id, "sealed-private-key", "resealed", Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData(1, false)] // the second 401 in all: tried again
    [InlineData(2, true)] // the third (RetrySchedule.MaxUnauthorizedAttempts): failed
    public async Task Handle_WhenAppleAnswers401_ShouldJudgeItWithTheEarlierOnesCounted(int earlier, bool fails)
    {
        var context = DispatchScenario.Context() with { UnauthorizedAttempts = earlier };
        _apple.SendConsumptionAsync(default!, default!, default!, default!, default).ReturnsForAnyArgs(Answer(AppStoreAnswerKind.Unauthorized, 401));

        await HandleAsync(context);

        await _requests.Received(1).RecordAttemptAsync(
            Arg.Any<ConsumptionAttempt>(), Arg.Is<AttemptVerdict>(verdict => verdict is AttemptVerdict.Failed == fails), Arg.Any<CancellationToken>());
    }

    private async Task HandleAsync(DispatchContext context)
    {
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var metrics = new DispatcherMetrics(meters.GetRequiredService<IMeterFactory>());
        var handler = new AnswerConsumptionRequestCommandHandler(
            _requests, _turns, _apple, _protector, DispatchScenario.Planner, new RetrySchedule(), metrics, _clock,
            NullLogger<AnswerConsumptionRequestCommandHandler>.Instance);
        await handler.Handle(new AnswerConsumptionRequestCommand(context), CancellationToken.None);
    }

    private static AppStoreAnswer Answer(AppStoreAnswerKind kind, int status) =>
        new(kind, status, null, null, null, TimeSpan.FromMilliseconds(30), null);
}
