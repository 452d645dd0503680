using RefundSaver.Api.Errors;
using RefundSaver.Application.AppStore.Purchases.Commands.ReportPurchase;
using RefundSaver.Domain.Common;

namespace RefundSaver.UnitTests.Application;

public sealed class ReportPurchaseCommandValidatorTests
{
    private readonly ReportPurchaseCommandValidator _validator = new();

    private static ReportPurchaseCommand Command(
        string? transactionId = "2000000123456789", Optional<decimal?> percentage = default, Optional<string?> delivery = default) =>
        new(Guid.NewGuid(), transactionId, percentage, delivery);

    private static Optional<decimal?> Percent(string value) =>
        Optional<decimal?>.Of(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("0")]
    [InlineData("0.001")]
    [InlineData("50.5")]
    [InlineData("99.999")]
    [InlineData("100")]
    [InlineData("100.000000")]
    [InlineData("12.3450")]
    public void Validate_WhenPercentageIsInRangeWithAtMostThreeDecimals_ShouldPass(string percent) =>
        _validator.Validate(Command(percentage: Percent(percent))).IsValid.ShouldBeTrue();

    [Theory]
    [InlineData("-0.001")]
    [InlineData("-1")]
    [InlineData("100.001")]
    [InlineData("1000")]
    [InlineData("50.0005")]
    [InlineData("0.0001")]
    public void Validate_WhenPercentageIsOutOfRangeOrTooPrecise_ShouldNameTheField(string percent)
    {
        var result = _validator.Validate(Command(percentage: Percent(percent)));

        WireNames.Of(result.Errors.ShouldHaveSingleItem().PropertyName).ShouldBe("consumption_percentage");
    }

    [Fact]
    public void Validate_WhenPercentageAndDeliveryAreNullOrLeftOut_ShouldPass()
    {
        _validator.Validate(Command()).IsValid.ShouldBeTrue();
        _validator.Validate(Command(percentage: Optional<decimal?>.Of(null), delivery: Optional<string?>.Of(null))).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2000 0001")]
    [InlineData("2000-0001")]
    [InlineData("20000001\n")]
    public void Validate_WhenTransactionIdIsMissingOrNotDigitsAndLetters_ShouldNameItOnce(string? transactionId)
    {
        var result = _validator.Validate(Command(transactionId));

        WireNames.Of(result.Errors.ShouldHaveSingleItem().PropertyName).ShouldBe("transaction_id");
    }

    [Fact]
    public void Validate_WhenTransactionIdIsLongerThan64_ShouldNameIt()
    {
        _validator.Validate(Command(new string('1', 64))).IsValid.ShouldBeTrue();

        var result = _validator.Validate(Command(new string('1', 65)));

        WireNames.Of(result.Errors.ShouldHaveSingleItem().PropertyName).ShouldBe("transaction_id");
    }

    [Theory]
    [InlineData("DELIVERED")]
    [InlineData("undelivered")]
    [InlineData("")]
    public void Validate_WhenDeliveryStatusUnknown_ShouldNameTheFieldAndListTheChoices(string delivery)
    {
        var result = _validator.Validate(Command(delivery: Optional<string?>.Of(delivery)));

        var error = result.Errors.ShouldHaveSingleItem();
        WireNames.Of(error.PropertyName).ShouldBe("delivery_status");
        error.ErrorMessage.ShouldContain("in_game_currency_change");
    }
}
