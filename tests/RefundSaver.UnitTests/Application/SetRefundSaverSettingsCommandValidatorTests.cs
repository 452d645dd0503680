using RefundSaver.Api.Errors;
using RefundSaver.Application.Profiles;
using RefundSaver.Application.Profiles.Commands.SetRefundSaverSettings;
using RefundSaver.Domain.Common;

namespace RefundSaver.UnitTests.Application;

public sealed class SetRefundSaverSettingsCommandValidatorTests
{
    private readonly SetRefundSaverSettingsCommandValidator _validator = new();

    private static SetRefundSaverSettingsCommand Command(
        string? customerUserId = "customer", string? profileId = null, Optional<string?> preference = default) =>
        new(Guid.NewGuid(), new ProfileSelector(customerUserId, profileId), Optional<bool?>.Of(true), preference);

    [Theory]
    [InlineData("grant")]
    [InlineData("decline")]
    [InlineData("no_preference")]
    [InlineData(null)]
    public void Validate_WhenPreferenceIsAWireNameOrNull_ShouldPass(string? preference) =>
        _validator.Validate(Command(preference: Optional<string?>.Of(preference))).IsValid.ShouldBeTrue();

    [Fact]
    public void Validate_WhenPreferenceLeftOut_ShouldPass() => _validator.Validate(Command()).IsValid.ShouldBeTrue();

    [Theory]
    [InlineData("Grant")]
    [InlineData("always_grant")]
    [InlineData("")]
    public void Validate_WhenPreferenceUnknown_ShouldNameTheField(string preference)
    {
        var result = _validator.Validate(Command(preference: Optional<string?>.Of(preference)));

        WireNames.Of(result.Errors.ShouldHaveSingleItem().PropertyName).ShouldBe("custom_preference");
    }

    [Theory]
    [InlineData("customer", "0196a1b2-0000-7000-8000-000000000001")]
    [InlineData(null, null)]
    public void ProfileSelector_WhenNeitherOrBothAreGiven_ShouldRefuseToExist(string? customerUserId, string? profileId) =>
        Should.Throw<ArgumentException>(() => new ProfileSelector(customerUserId, profileId));

    [Fact]
    public void Validate_WhenProfileIdIsNotAUuid_ShouldNameTheHeader()
    {
        var result = _validator.Validate(Command(customerUserId: null, profileId: "not-a-uuid"));

        WireNames.Of(result.Errors.ShouldHaveSingleItem().PropertyName).ShouldBe("adapty-profile-id");
    }

    [Fact]
    public void Validate_WhenCustomerUserIdIsEmpty_ShouldNameTheHeader()
    {
        var result = _validator.Validate(Command(customerUserId: ""));

        WireNames.Of(result.Errors.ShouldHaveSingleItem().PropertyName).ShouldBe("adapty-customer-user-id");
    }
}
