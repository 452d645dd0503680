using RefundSaver.Domain.AppStore;
using RefundSaver.Infrastructure.Dispatching;
using RefundSaver.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace RefundSaver.UnitTests.Infrastructure.Dispatching;

public sealed class CallWindowsTests
{
    private static readonly Guid App = Guid.NewGuid();

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryEnter_WhenTheLimitIsInFlight_ShouldRefuseUntilOneComesBack()
    {
        var windows = new CallWindows(_clock);
        var places = Enumerable.Range(0, 3).Select(_ => windows.TryEnter(App, AppStoreEnvironment.Production, 3).Call).ToList();
        places.ShouldAllBe(place => place != null);

        var (refused, retryAt) = windows.TryEnter(App, AppStoreEnvironment.Production, 3);

        refused.ShouldBeNull();
        retryAt.ShouldBeGreaterThan(_clock.GetUtcNow());
    }

    [Fact]
    public void TryEnter_WhenTheLimitWasAnsweredWithinASecond_ShouldRefuseUntilTheFirstAnswerIsASecondOld()
    {
        var windows = new CallWindows(_clock);
        var first = _clock.GetUtcNow();
        for (var i = 0; i < 3; i++)
        {
            windows.TryEnter(App, AppStoreEnvironment.Production, 3).Call!.Dispose();
            _clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        var (refused, retryAt) = windows.TryEnter(App, AppStoreEnvironment.Production, 3);
        refused.ShouldBeNull();
        retryAt.ShouldBe(first + TimeSpan.FromSeconds(1));

        _clock.Advance(retryAt - _clock.GetUtcNow());
        windows.TryEnter(App, AppStoreEnvironment.Production, 3).Call.ShouldNotBeNull();
    }

    [Fact]
    public void TryEnter_WhenAnotherAppOrEnvironmentIsFull_ShouldStillGiveAPlace()
    {
        var windows = new CallWindows(_clock);
        windows.TryEnter(App, AppStoreEnvironment.Production, 1).Call.ShouldNotBeNull();

        windows.TryEnter(App, AppStoreEnvironment.Sandbox, 1).Call.ShouldNotBeNull();
        windows.TryEnter(Guid.NewGuid(), AppStoreEnvironment.Production, 1).Call.ShouldNotBeNull();
        windows.TryEnter(App, AppStoreEnvironment.Production, 1).Call.ShouldBeNull();
    }

    [Fact]
    public void TryEnter_WhenTwoDispatchersShareTheLimit_ShouldGiveThisOneHalf()
    {
        var windows = new CallWindows(_clock) { Share = 2 };

        windows.TryEnter(App, AppStoreEnvironment.Production, 5).Call.ShouldNotBeNull();
        windows.TryEnter(App, AppStoreEnvironment.Production, 5).Call.ShouldNotBeNull();
        windows.TryEnter(App, AppStoreEnvironment.Production, 5).Call.ShouldBeNull();
    }

    [Fact]
    public void TryEnter_WhenMoreDispatchersThanTheLimit_ShouldStillGiveOnePlace()
    {
        var windows = new CallWindows(_clock) { Share = 9 };

        windows.TryEnter(App, AppStoreEnvironment.Sandbox, 5).Call.ShouldNotBeNull();
        windows.TryEnter(App, AppStoreEnvironment.Sandbox, 5).Call.ShouldBeNull();
    }

    [Fact]
    public void Dispose_WhenCalledTwice_ShouldFreeOnePlaceOnly()
    {
        var windows = new CallWindows(_clock);
        var place = windows.TryEnter(App, AppStoreEnvironment.Production, 2).Call!;
        place.Dispose();
        place.Dispose();

        windows.TryEnter(App, AppStoreEnvironment.Production, 2).Call.ShouldNotBeNull();
        windows.TryEnter(App, AppStoreEnvironment.Production, 2).Call.ShouldBeNull();
    }
}
