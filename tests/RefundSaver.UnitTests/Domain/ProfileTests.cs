using RefundSaver.Domain.Common;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.UnitTests.Domain;

public sealed class ProfileTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Created.AddHours(1);

    [Fact]
    public void UpdateDetails_WhenSomeFieldsLeftOut_ShouldKeepThoseAndClearExplicitNulls()
    {
        var profile = Profile.CreateForCustomer(Guid.NewGuid(), "customer", Created);
        profile.UpdateDetails(new ProfileDetails(
            Optional<string?>.Of("a@example.com"), Optional<string?>.Of("+100"), Optional<string?>.Of("Ann"), Optional<string?>.Of("Lee"), default), Created);

        profile.UpdateDetails(new ProfileDetails(
            Optional<string?>.Unset, Optional<string?>.Of(null), Optional<string?>.Of("Anna"), Optional<string?>.Unset, default), Later);

        profile.Email.ShouldBe("a@example.com");
        profile.PhoneNumber.ShouldBeNull();
        profile.FirstName.ShouldBe("Anna");
        profile.LastName.ShouldBe("Lee");
    }

    [Fact]
    public void CreateWithId_WhenAnonymous_ShouldKeepTheGivenIdAndNoCustomerUserId()
    {
        var id = Guid.NewGuid();

        var profile = Profile.CreateWithId(Guid.NewGuid(), id, Created);

        profile.Id.ShouldBe(id);
        profile.CustomerUserId.ShouldBeNull();
        profile.Consent.ShouldBeNull();
        profile.CustomPreference.ShouldBeNull();
    }
}
