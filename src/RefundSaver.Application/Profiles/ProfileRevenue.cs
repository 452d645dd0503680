using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Domain.Consumption;

namespace RefundSaver.Application.Profiles;

/// <summary>Adapty's <c>total_revenue_usd</c>: the profile's purchases in the ledger that were not refunded, in USD.</summary>
public sealed class ProfileRevenue(UsdRates rates)
{
    public async Task<decimal> TotalUsdAsync(IApplicationDbContext db, Guid profileId, CancellationToken cancellationToken)
    {
        var purchases = await db.AppStoreTransactions.AsNoTracking()
            .Where(transaction => transaction.ProfileId == profileId && transaction.RevocationDate == null
                && transaction.Price != null && transaction.Currency != null)
            .Select(transaction => new { Price = transaction.Price!.Value, Currency = transaction.Currency! })
            .ToListAsync(cancellationToken);

        // A currency the rate table lacks counts as nothing rather than as a guess.
        var total = purchases.Sum(purchase => rates.TryToUsd(purchase.Price, purchase.Currency, out var usd) ? usd : 0m);
        return decimal.Round(total, 2);
    }
}
