using System.Collections.Frozen;

namespace RefundSaver.Domain.Consumption;

/// <summary>
/// An immutable table of USD per unit of a currency (ISO 4217 code, case-insensitive), to turn the ledger's
/// prices (milliunits of the transaction's <c>currency</c>) into the USD amounts behind Apple's
/// <c>lifetimeDollarsPurchased</c> and <c>lifetimeDollarsRefunded</c> ranges. USD itself is always 1.
/// </summary>
public sealed class UsdRates
{
    private const string Usd = "USD";

    private readonly FrozenDictionary<string, decimal> _rates;

    /// <param name="usdPerUnit">Currency code → USD per one unit; every rate must be above zero, USD (added when missing) must be 1.</param>
    /// <exception cref="ArgumentException">A code is not three ASCII letters, is given twice, or its rate is not positive.</exception>
    public UsdRates(IReadOnlyDictionary<string, decimal> usdPerUnit)
    {
        ArgumentNullException.ThrowIfNull(usdPerUnit);
        var rates = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var (currency, rate) in usdPerUnit)
        {
            if (currency is null || currency.Length != 3 || !currency.All(char.IsAsciiLetter))
            {
                throw new ArgumentException($"'{currency}' is not an ISO 4217 currency code.", nameof(usdPerUnit));
            }

            if (rate <= 0m)
            {
                throw new ArgumentException($"The rate of {currency} must be above zero, not {rate}.", nameof(usdPerUnit));
            }

            if (!rates.TryAdd(currency, rate))
            {
                throw new ArgumentException($"{currency} is given more than once.", nameof(usdPerUnit));
            }
        }

        if (rates.TryGetValue(Usd, out var usdRate) && usdRate != 1m)
        {
            throw new ArgumentException($"The rate of USD must be 1, not {usdRate}.", nameof(usdPerUnit));
        }

        rates[Usd] = 1m;
        _rates = rates.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Approximate rates (USD per unit, rounded, around mid-2025) for common App Store currencies. They only
    /// pick one of Apple's wide USD ranges, so a few percent off does not matter; an operator who needs better
    /// configures their own table.
    /// </summary>
    public static UsdRates Default { get; } = new(new Dictionary<string, decimal>
    {
        ["USD"] = 1m,
        ["EUR"] = 1.15m,
        ["GBP"] = 1.34m,
        ["CHF"] = 1.24m,
        ["CAD"] = 0.73m,
        ["AUD"] = 0.65m,
        ["NZD"] = 0.59m,
        ["JPY"] = 0.0068m,
        ["CNY"] = 0.139m,
        ["HKD"] = 0.127m,
        ["TWD"] = 0.033m,
        ["KRW"] = 0.00072m,
        ["SGD"] = 0.78m,
        ["INR"] = 0.0116m,
        ["IDR"] = 0.000061m,
        ["MYR"] = 0.235m,
        ["THB"] = 0.0305m,
        ["PHP"] = 0.0175m,
        ["VND"] = 0.000038m,
        ["PKR"] = 0.0035m,
        ["SEK"] = 0.104m,
        ["NOK"] = 0.098m,
        ["DKK"] = 0.154m,
        ["PLN"] = 0.27m,
        ["CZK"] = 0.047m,
        ["HUF"] = 0.0029m,
        ["RON"] = 0.227m,
        ["BGN"] = 0.59m,
        ["TRY"] = 0.025m,
        ["RUB"] = 0.0125m,
        ["KZT"] = 0.0019m,
        ["ILS"] = 0.29m,
        ["AED"] = 0.2723m,
        ["SAR"] = 0.2667m,
        ["QAR"] = 0.2747m,
        ["EGP"] = 0.020m,
        ["ZAR"] = 0.056m,
        ["NGN"] = 0.00065m,
        ["TZS"] = 0.00038m,
        ["BRL"] = 0.18m,
        ["MXN"] = 0.053m,
        ["CLP"] = 0.00105m,
        ["COP"] = 0.00025m,
        ["PEN"] = 0.28m,
    });

    /// <summary>Every rate, USD included, keyed case-insensitively.</summary>
    public IReadOnlyDictionary<string, decimal> Rates => _rates;

    public bool TryGetRate(string? currency, out decimal usdPerUnit)
    {
        usdPerUnit = 0m;
        return currency is not null && _rates.TryGetValue(currency, out usdPerUnit);
    }

    /// <summary>
    /// A price in milliunits of <paramref name="currency"/> (1990 is 1.99) in USD, unrounded; false when the
    /// currency is not in the table.
    /// </summary>
    public bool TryToUsd(long priceMilliunits, string currency, out decimal usd)
    {
        usd = 0m;
        if (!TryGetRate(currency, out var rate))
        {
            return false;
        }

        usd = priceMilliunits / 1000m * rate;
        return true;
    }
}
