using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.AppStore.Dispatching;
using RefundSaver.Application.Profiles;
using RefundSaver.Domain.AppStore;
using RefundSaver.Domain.Profiles;
using RefundSaver.Infrastructure.Persistence;

namespace RefundSaver.Infrastructure.Dispatching;

/// <summary>Reads what a dispatcher needs about one request, as it stands now (a link or report made since the notification counts).</summary>
internal static class DispatchContextLoader
{
    /// <summary>The request, its app, its ledger row and its customer: enough to decide whether it is sent now (<see cref="DispatchPlanner.WithoutSending"/>).</summary>
    public static async Task<DispatchContext?> LoadAsync(RefundSaverDbContext db, Guid requestId, CancellationToken cancellationToken)
    {
        var request = await db.ConsumptionRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return null;
        }

        var app = await db.Apps.AsNoTracking().SingleAsync(app => app.Id == request.AppId, cancellationToken);
        var transaction = await db.AppStoreTransactions.AsNoTracking()
            .SingleOrDefaultAsync(t => t.AppId == request.AppId && t.TransactionId == request.TransactionId, cancellationToken);
        var profile = await FindProfileAsync(db, request, transaction, OriginalTransactionId(request, transaction), cancellationToken);
        var erased = transaction?.CustomerErased == true
            || (profile is null && transaction?.AppAccountToken is { } token && await IsErasedAsync(db, request.AppId, token, cancellationToken));
        return new DispatchContext { Request = request, App = app, Transaction = transaction, Profile = profile, CustomerErased = erased };
    }

    /// <summary>What the body is computed from besides: the backend's report, the customer's purchases and earlier requests.</summary>
    public static async Task<DispatchContext> WithFactsAsync(RefundSaverDbContext db, DispatchContext context, CancellationToken cancellationToken)
    {
        var (request, profile) = (context.Request, context.Profile);
        var originalTransactionId = OriginalTransactionId(request, context.Transaction);
        var report = await db.PurchaseReports.AsNoTracking()
            .SingleOrDefaultAsync(r => r.AppId == request.AppId && r.TransactionId == request.TransactionId, cancellationToken);

        var purchases = db.AppStoreTransactions.AsNoTracking().Where(t => t.AppId == request.AppId);
        purchases = profile is not null
            ? purchases.Where(t => t.ProfileId == profile.Id || t.OriginalTransactionId == originalTransactionId)
            : purchases.Where(t => t.OriginalTransactionId == originalTransactionId);
        var history = await purchases
            .Select(t => new CustomerPurchase(t.Price, t.Currency, t.PurchaseDate, t.RevocationDate != null, t.OfferType, t.OfferDiscountType))
            .ToListAsync(cancellationToken);

        var earlier = db.ConsumptionRequests.AsNoTracking()
            .Where(r => r.AppId == request.AppId && r.CreatedAt < request.CreatedAt && r.Id != request.Id);
        var forTransaction = await earlier.CountAsync(r => r.TransactionId == request.TransactionId, cancellationToken);
        var forCustomer = profile is not null
            ? await earlier.CountAsync(r => r.ProfileId == profile.Id || r.OriginalTransactionId == originalTransactionId, cancellationToken)
            : await earlier.CountAsync(r => r.OriginalTransactionId == originalTransactionId, cancellationToken);

        return context with
        {
            Report = report,
            History = history,
            EarlierRequestsForTransaction = forTransaction,
            EarlierRequestsForCustomer = forCustomer,
        };
    }

    /// <summary>Whether a deleted profile used this token (a token that a profile answers to now is that profile's).</summary>
    private static Task<bool> IsErasedAsync(RefundSaverDbContext db, Guid appId, Guid token, CancellationToken cancellationToken)
    {
        var hash = ErasedCustomer.HashToken(appId, token);
        return db.ErasedCustomers.AnyAsync(erased => erased.AppId == appId && erased.TokenHash == hash, cancellationToken);
    }

    private static string? OriginalTransactionId(ConsumptionRequest request, AppStoreTransaction? transaction) =>
        transaction?.OriginalTransactionId ?? request.OriginalTransactionId;

    public static Task<int> UnauthorizedAttemptsAsync(RefundSaverDbContext db, Guid requestId, CancellationToken cancellationToken) =>
        db.ConsumptionAttempts.CountAsync(a => a.RequestId == requestId && a.Result == "Unauthorized", cancellationToken);

    private static async Task<Profile?> FindProfileAsync(
        RefundSaverDbContext db, ConsumptionRequest request, AppStoreTransaction? transaction, string? originalTransactionId, CancellationToken cancellationToken)
    {
        var linked = originalTransactionId is null
            ? null
            : await db.TransactionLinks.AsNoTracking()
                .Where(link => link.AppId == request.AppId && link.OriginalTransactionId == originalTransactionId)
                .Select(link => (Guid?)link.ProfileId)
                .SingleOrDefaultAsync(cancellationToken);
        var profileId = linked ?? transaction?.ProfileId ?? request.ProfileId;
        if (profileId is { } id)
        {
            return await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        }

        return transaction?.AppAccountToken is { } token
            ? await db.Profiles.AsNoTracking().FindByAppAccountTokenAsync(request.AppId, token, cancellationToken)
            : null;
    }
}
