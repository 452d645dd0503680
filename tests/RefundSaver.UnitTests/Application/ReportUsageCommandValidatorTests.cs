using RefundSaver.Api.Errors;
using RefundSaver.Application.Profiles;
using RefundSaver.Application.Profiles.Commands.ReportUsage;
using RefundSaver.Domain.Common;

namespace RefundSaver.UnitTests.Application;

public sealed class ReportUsageCommandValidatorTests
{
    private readonly ReportUsageCommandValidator _validator = new();

    private static ReportUsageCommand Command(
        Optional<long?> playTime = default, Optional<string?> status = default, string? customerUserId = "customer", string? profileId = null) =>
        new(Guid.NewGuid(), new ProfileSelector(customerUserId, profileId), playTime, status);

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(315_576_000L)]
    public void Validate_WhenPlayTimeIsFromZeroToTenYears_ShouldPass(long seconds) =>
        _validator.Validate(Command(Optional<long?>.Of(seconds))).IsValid.ShouldBeTrue();

    [Theory]
    [InlineData(-1L)]
    [InlineData(315_576_001L)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void Validate_WhenPlayTimeIsNegativeOrOverTenYears_ShouldNameTheField(long seconds)
    {
        var result = _validator.Validate(Command(Optional<long?>.Of(seconds)));

        WireNames.Of(result.Errors.ShouldHaveSingleItem().PropertyName).ShouldBe("play_time_seconds");
    }

    [Theory]
    [InlineData("active")]
    [InlineData("suspended")]
    [InlineData("terminated")]
    [InlineData("limited_access")]
    [InlineData(null)]
    public void Validate_WhenAccountStatusIsAWireNameOrNull_ShouldPass(string? status) =>
        _validator.Validate(Command(status: Optional<string?>.Of(status))).IsValid.ShouldBeTrue();

    [Theory]
    [InlineData("Active")]
    [InlineData("banned")]
    [InlineData("")]
    public void Validate_WhenAccountStatusUnknown_ShouldNameTheFieldAndListTheChoices(string status)
    {
        var result = _validator.Validate(Command(status: Optional<string?>.Of(status)));

        var error = result.Errors.ShouldHaveSingleItem();
        WireNames.Of(error.PropertyName).ShouldBe("account_status");
        error.ErrorMessage.ShouldContain("limited_access");
    }
}
