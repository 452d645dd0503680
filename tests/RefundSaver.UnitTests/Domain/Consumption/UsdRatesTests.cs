using RefundSaver.Domain.Consumption;

namespace RefundSaver.UnitTests.Domain.Consumption;

public sealed class UsdRatesTests
{
    private static readonly UsdRates Rates = new(new Dictionary<string, decimal> { ["EUR"] = 1.10m, ["JPY"] = 0.0067m });

    [Fact]
    public void TryToUsd_WhenMilliunits_ShouldDivideByAThousandAndApplyTheRate()
    {
        Rates.TryToUsd(1990, "EUR", out var usd).ShouldBeTrue();

        usd.ShouldBe(2.189m);
    }

    [Fact]
    public void TryToUsd_WhenUsd_ShouldBeThePriceItself()
    {
        Rates.TryToUsd(4990, "USD", out var usd).ShouldBeTrue();

        usd.ShouldBe(4.99m);
    }

    [Fact]
    public void TryToUsd_WhenYen_ShouldKeepSmallRatesExact()
    {
        Rates.TryToUsd(1_500_000, "JPY", out var usd).ShouldBeTrue();

        usd.ShouldBe(10.05m);
    }

    [Theory]
    [InlineData("eur")]
    [InlineData("Eur")]
    [InlineData("EUR")]
    public void TryToUsd_WhenCodeInAnyCase_ShouldFindTheRate(string currency)
    {
        Rates.TryToUsd(1000, currency, out var usd).ShouldBeTrue();

        usd.ShouldBe(1.10m);
    }

    [Theory]
    [InlineData("GBP")]
    [InlineData("")]
    [InlineData("EURO")]
    public void TryToUsd_WhenCurrencyUnknown_ShouldFail(string currency)
    {
        Rates.TryToUsd(1000, currency, out var usd).ShouldBeFalse();

        usd.ShouldBe(0m);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_WhenARateIsNotPositive_ShouldThrow(int rate) =>
        Should.Throw<ArgumentException>(() => new UsdRates(new Dictionary<string, decimal> { ["EUR"] = rate }));

    [Theory]
    [InlineData("EU")]
    [InlineData("EURO")]
    [InlineData("E1R")]
    [InlineData(" ")]
    public void Constructor_WhenACodeIsNotThreeLetters_ShouldThrow(string currency) =>
        Should.Throw<ArgumentException>(() => new UsdRates(new Dictionary<string, decimal> { [currency] = 1m }));

    [Fact]
    public void Constructor_WhenACodeIsGivenTwiceInDifferentCase_ShouldThrow() =>
        Should.Throw<ArgumentException>(() => new UsdRates(new Dictionary<string, decimal> { ["EUR"] = 1.1m, ["eur"] = 1.2m }));

    [Fact]
    public void Constructor_WhenUsdIsNotOne_ShouldThrow() =>
        Should.Throw<ArgumentException>(() => new UsdRates(new Dictionary<string, decimal> { ["USD"] = 1.01m }));

    [Fact]
    public void Constructor_WhenUsdIsMissing_ShouldAddItAsOne()
    {
        Rates.Rates.Count.ShouldBe(3);
        Rates.TryGetRate("usd", out var rate).ShouldBeTrue();
        rate.ShouldBe(1m);
    }

    [Fact]
    public void Constructor_WhenTheSourceChangesLater_ShouldKeepItsOwnTable()
    {
        var source = new Dictionary<string, decimal> { ["EUR"] = 1.10m };
        var rates = new UsdRates(source);

        source["EUR"] = 5m;
        source["GBP"] = 1.3m;

        rates.TryGetRate("EUR", out var eur).ShouldBeTrue();
        eur.ShouldBe(1.10m);
        rates.TryGetRate("GBP", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("USD")]
    [InlineData("EUR")]
    [InlineData("GBP")]
    [InlineData("JPY")]
    [InlineData("CNY")]
    [InlineData("KRW")]
    [InlineData("INR")]
    [InlineData("BRL")]
    [InlineData("CAD")]
    [InlineData("AUD")]
    [InlineData("CHF")]
    [InlineData("TRY")]
    public void Default_WhenCommonCurrency_ShouldHaveAPositiveRate(string currency)
    {
        UsdRates.Default.TryGetRate(currency, out var rate).ShouldBeTrue();

        rate.ShouldBeGreaterThan(0m);
    }

    [Fact]
    public void Default_WhenBuilt_ShouldHoldAboutThirtyCurrenciesWithPlausibleRates()
    {
        UsdRates.Default.Rates.Count.ShouldBeGreaterThanOrEqualTo(30);
        UsdRates.Default.Rates["USD"].ShouldBe(1m);
        UsdRates.Default.Rates["EUR"].ShouldBeInRange(0.8m, 1.5m);
        UsdRates.Default.Rates["JPY"].ShouldBeInRange(0.004m, 0.012m);
    }
}
