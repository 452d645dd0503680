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

        result.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("custom_preference");
    }

    [Fact]
    public void Validate_WhenBothHeaders_ShouldFailOnNonFieldErrors()
    {
        var result = _validator.Validate(Command(customerUserId: "customer", profileId: Guid.NewGuid().ToString()));

        result.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("non_field_errors");
    }

    [Fact]
    public void Validate_WhenNeitherHeader_ShouldFailOnNonFieldErrors()
    {
        var result = _validator.Validate(Command(customerUserId: null));

        result.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("non_field_errors");
    }

    [Fact]
    public void Validate_WhenProfileIdIsNotAUuid_ShouldNameTheHeader()
    {
        var result = _validator.Validate(Command(customerUserId: null, profileId: "not-a-uuid"));

        result.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe(ProfileSelector.ProfileIdHeader);
    }

    [Fact]
    public void Validate_WhenCustomerUserIdIsEmpty_ShouldNameTheHeader()
    {
        var result = _validator.Validate(Command(customerUserId: ""));

        result.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe(ProfileSelector.CustomerUserIdHeader);
    }
}
