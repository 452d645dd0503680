using RefundSaver.Application.AppStore;
using RefundSaver.Domain.AppStore;
using RefundSaver.Infrastructure.AppStore;

namespace RefundSaver.UnitTests.Infrastructure.AppStore;

public sealed class NotificationRoundsTests
{
    private static readonly Guid App = Guid.NewGuid();

    [Fact]
    public void Plan_WhenEveryNotificationIsOfAnotherTransaction_ShouldMakeOneRound()
    {
        var rounds = NotificationRounds.Plan([Notification("1"), Notification("2"), Notification(null), Notification("3")]);

        rounds.ShouldHaveSingleItem().ShouldBe([0, 1, 2, 3]);
    }

    [Fact]
    public void Plan_WhenNotificationsShareATransaction_ShouldPutThemInSuccessiveRoundsInArrivalOrder()
    {
        var rounds = NotificationRounds.Plan([Notification("1"), Notification("2"), Notification("1"), Notification("1"), Notification("3")]);

        rounds.Count.ShouldBe(3);
        rounds[0].ShouldBe([0, 1, 4]);
        rounds[1].ShouldBe([2]);
        rounds[2].ShouldBe([3]);
    }

    [Fact]
    public void Plan_WhenTwoAppsHaveATransactionOfTheSameId_ShouldKeepThemInOneRound()
    {
        var rounds = NotificationRounds.Plan([Notification("1"), Notification("1", app: Guid.NewGuid())]);

        rounds.ShouldHaveSingleItem().ShouldBe([0, 1]);
    }

    [Fact]
    public void Plan_WhenANotificationComesTwiceInOneBatch_ShouldLeaveTheSecondCopyOut()
    {
        var first = Notification("1");

        var rounds = NotificationRounds.Plan([first, Notification("2"), first with { Id = Guid.NewGuid() }]);

        rounds.ShouldHaveSingleItem().ShouldBe([0, 1]);
    }

    private static NewNotification Notification(string? transactionId, Guid? app = null) => new(
        Guid.NewGuid(),
        app ?? App,
        Guid.NewGuid(),
        "ONE_TIME_CHARGE",
        null,
        AppStoreEnvironment.Sandbox,
        DateTimeOffset.UnixEpoch,
        DateTimeOffset.UnixEpoch,
        transactionId is null
            ? null
            : new TransactionInfo(transactionId, transactionId, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null),
        null,
        null,
        null,
        "stored",
        "{}");
}
