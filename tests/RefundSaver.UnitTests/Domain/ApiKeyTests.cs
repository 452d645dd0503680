using RefundSaver.Domain.Apps;

namespace RefundSaver.UnitTests.Domain;

public sealed class ApiKeyTests
{
    [Fact]
    public void Revoke_WhenRevokedTwice_ShouldKeepTheFirstTime()
    {
        var first = new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
        var key = ApiKey.Create(Guid.NewGuid(), "abcdEFGH", [1, 2, 3], "ci", first.AddDays(-1));

        key.Revoke(first);
        key.Revoke(first.AddHours(1));

        key.RevokedAt.ShouldBe(first);
        key.IsActive.ShouldBeFalse();
    }
}
