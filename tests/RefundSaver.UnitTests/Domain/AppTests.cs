using RefundSaver.Domain.Apps;
using RefundSaver.Domain.AppStore;
using RefundSaver.Domain.Common;

namespace RefundSaver.UnitTests.Domain;

public sealed class AppTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_WhenNew_ShouldAcceptBothEnvironmentsAndTrustOnlyApple()
    {
        var app = App.Create(" Game ", " com.example.game ", Now);

        app.Name.ShouldBe("Game");
        app.BundleId.ShouldBe("com.example.game");
        app.Accepts(AppStoreEnvironment.Sandbox).ShouldBeTrue();
        app.Accepts(AppStoreEnvironment.Production).ShouldBeTrue();
        app.ExtraTrustedRoots.ShouldBeEmpty();
        app.AppleAppId.ShouldBeNull();
    }

    [Fact]
    public void ConfigureAppStore_WhenOnlyEnvironmentsGiven_ShouldChangeOnlyThem()
    {
        var app = App.Create("Game", "com.example.game", Now);
        app.ConfigureAppStore(default, Optional<long?>.Of(99), default, Optional<IReadOnlyList<string>>.Of(["pem"]));

        app.ConfigureAppStore(default, default, Optional<IReadOnlyCollection<AppStoreEnvironment>>.Of([AppStoreEnvironment.Production]), default);

        app.Accepts(AppStoreEnvironment.Sandbox).ShouldBeFalse();
        app.Accepts(AppStoreEnvironment.Production).ShouldBeTrue();
        app.AppleAppId.ShouldBe(99);
        app.ExtraTrustedRoots.ShouldBe(["pem"]);
        app.BundleId.ShouldBe("com.example.game");
    }

    [Fact]
    public void DeadlineFor_WhenSigned_ShouldBeTwelveHoursLater() =>
        ConsumptionRequest.DeadlineFor(Now).ShouldBe(Now.AddHours(12));
}
