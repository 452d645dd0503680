using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.AppStore.Api;
using RefundSaver.Application.AppStore.Dispatching;
using RefundSaver.Application.Profiles;
using RefundSaver.Domain.AppStore;
using RefundSaver.Domain.Profiles;
using RefundSaver.Infrastructure.Persistence;

namespace RefundSaver.Infrastructure.Dispatching;

/// <summary>Reads what a dispatcher needs about the requests it claims, as they stand now (a link or report made since the notification counts).</summary>
internal static class DispatchContextLoader
{
    private const string UnauthorizedResult = nameof(AppStoreAnswerKind.Unauthorized);

    /// <summary>
    /// The claimed requests, each with its app, its ledger row and its customer: enough to decide
    /// whether it is sent now (<see cref="DispatchPlanner.WithoutSending"/>). One query per kind of
    /// row for the whole batch, whatever its size.
    /// </summary>
    public static async Task<IReadOnlyList<DispatchContext>> LoadAsync(RefundSaverDbContext db, IReadOnlyCollection<Guid> requestIds, CancellationToken cancellationToken)
    {
        var requests = await db.ConsumptionRequests.AsNoTracking().Where(r => requestIds.Contains(r.Id)).ToListAsync(cancellationToken);
        if (requests.Count == 0)
        {
            return [];
        }

        var appIds = requests.Select(r => r.AppId).Distinct().ToList();
        var apps = await db.Apps.AsNoTracking().Where(app => appIds.Contains(app.Id)).ToDictionaryAsync(app => app.Id, cancellationToken);

        var transactionIds = requests.Select(r => r.TransactionId).Distinct().ToList();
        var transactions = (await db.AppStoreTransactions.AsNoTracking()
                .Where(t => appIds.Contains(t.AppId) && transactionIds.Contains(t.TransactionId))
                .ToListAsync(cancellationToken))
            .ToDictionary(t => (t.AppId, t.TransactionId));
        AppStoreTransaction? TransactionOf(ConsumptionRequest request) => transactions.GetValueOrDefault((request.AppId, request.TransactionId));

        var originals = requests.Select(r => OriginalTransactionId(r, TransactionOf(r))).OfType<string>().Distinct().ToList();
        var links = originals.Count == 0
            ? []
            : (await db.TransactionLinks.AsNoTracking()
                    .Where(link => appIds.Contains(link.AppId) && originals.Contains(link.OriginalTransactionId))
                    .Select(link => new { link.AppId, link.OriginalTransactionId, link.ProfileId })
                    .ToListAsync(cancellationToken))
                .ToDictionary(link => (link.AppId, link.OriginalTransactionId), link => link.ProfileId);

        // Whose purchase it is: the backend's link, else the ledger's or the request's profile, else the app account token.
        Guid? ProfileIdOf(ConsumptionRequest request)
        {
            var original = OriginalTransactionId(request, TransactionOf(request));
            return (original is not null && links.TryGetValue((request.AppId, original), out var linked) ? linked : (Guid?)null)
                ?? TransactionOf(request)?.ProfileId ?? request.ProfileId;
        }

        var profileIds = requests.Select(ProfileIdOf).OfType<Guid>().Distinct().ToList();
        var tokens = requests.Where(r => ProfileIdOf(r) is null).Select(r => TransactionOf(r)?.AppAccountToken).OfType<Guid>().Distinct().ToList();
        var profiles = profileIds.Count == 0 && tokens.Count == 0
            ? []
            : await db.Profiles.AsNoTracking()
                .Where(p => profileIds.Contains(p.Id)
                    || (appIds.Contains(p.AppId) && tokens.Contains(EF.Property<Guid>(p, ProfileQueries.EffectiveAppAccountToken))))
                .ToListAsync(cancellationToken);
        var byId = profiles.ToDictionary(p => p.Id);
        var byToken = profiles.GroupBy(p => (p.AppId, Token: p.AppAccountToken ?? p.Id)).ToDictionary(group => group.Key, group => group.First());

        Profile? ProfileOf(ConsumptionRequest request) => ProfileIdOf(request) is { } id
            ? byId.GetValueOrDefault(id)
            : TransactionOf(request)?.AppAccountToken is { } token ? byToken.GetValueOrDefault((request.AppId, token)) : null;

        // A deleted profile's token: only for purchases that no profile answers to now.
        var unclaimedTokens = requests
            .Where(r => ProfileOf(r) is null && TransactionOf(r) is { CustomerErased: false, AppAccountToken: not null })
            .Select(r => ErasedCustomer.HashToken(r.AppId, TransactionOf(r)!.AppAccountToken!.Value))
            .ToList();
        var erasedHashes = unclaimedTokens.Count == 0
            ? []
            : (await db.ErasedCustomers.AsNoTracking()
                    .Where(erased => appIds.Contains(erased.AppId) && unclaimedTokens.Contains(erased.TokenHash))
                    .Select(erased => erased.TokenHash)
                    .ToListAsync(cancellationToken))
                .Select(Convert.ToHexString).ToHashSet();

        var contexts = requests.Select(request =>
        {
            var transaction = TransactionOf(request);
            var profile = ProfileOf(request);
            var erased = transaction?.CustomerErased == true
                || (profile is null && transaction?.AppAccountToken is { } token
                    && erasedHashes.Contains(Convert.ToHexString(ErasedCustomer.HashToken(request.AppId, token))));
            return new DispatchContext { Request = request, App = apps[request.AppId], Transaction = transaction, Profile = profile, CustomerErased = erased };
        }).ToList();
        return await WithFactsAsync(db, contexts, cancellationToken);
    }

    /// <summary>
    /// What a body is computed from besides: the backend's report, the customer's purchases, earlier
    /// requests, and the request's 401s so far. Loaded for the whole batch, one query per kind, though
    /// only the requests to send use them: four queries for a batch cost less than deciding which.
    /// </summary>
    private static async Task<IReadOnlyList<DispatchContext>> WithFactsAsync(
        RefundSaverDbContext db, IReadOnlyList<DispatchContext> contexts, CancellationToken cancellationToken)
    {
        var appIds = contexts.Select(c => c.Request.AppId).Distinct().ToList();
        var requestIds = contexts.Select(c => c.Request.Id).ToList();
        var transactionIds = contexts.Select(c => c.Request.TransactionId).Distinct().ToList();
        var profileIds = contexts.Select(c => c.Profile?.Id).OfType<Guid>().Distinct().ToList();
        var originals = contexts.Select(c => OriginalTransactionId(c.Request, c.Transaction)).OfType<string>().Distinct().ToList();

        var reports = (await db.PurchaseReports.AsNoTracking()
                .Where(r => appIds.Contains(r.AppId) && transactionIds.Contains(r.TransactionId))
                .ToListAsync(cancellationToken))
            .ToDictionary(r => (r.AppId, r.TransactionId));
        var purchases = await db.AppStoreTransactions.AsNoTracking()
            .Where(t => appIds.Contains(t.AppId) && ((t.ProfileId != null && profileIds.Contains(t.ProfileId.Value)) || originals.Contains(t.OriginalTransactionId)))
            .Select(t => new
            {
                t.AppId,
                t.ProfileId,
                t.OriginalTransactionId,
                Purchase = new CustomerPurchase(t.Price, t.Currency, t.PurchaseDate, t.RevocationDate != null, t.OfferType, t.OfferDiscountType),
            })
            .ToListAsync(cancellationToken);
        var related = await db.ConsumptionRequests.AsNoTracking()
            .Where(r => appIds.Contains(r.AppId)
                && (transactionIds.Contains(r.TransactionId)
                    || (r.ProfileId != null && profileIds.Contains(r.ProfileId.Value))
                    || (r.OriginalTransactionId != null && originals.Contains(r.OriginalTransactionId))))
            .Select(r => new { r.Id, r.AppId, r.TransactionId, r.OriginalTransactionId, r.ProfileId, r.CreatedAt })
            .ToListAsync(cancellationToken);
        var unauthorized = await db.ConsumptionAttempts.AsNoTracking()
            .Where(a => requestIds.Contains(a.RequestId) && a.Result == UnauthorizedResult)
            .GroupBy(a => a.RequestId)
            .Select(group => new { RequestId = group.Key, Count = group.Count() })
            .ToDictionaryAsync(row => row.RequestId, row => row.Count, cancellationToken);

        return contexts.Select(context =>
        {
            var (request, profile) = (context.Request, context.Profile);
            var original = OriginalTransactionId(request, context.Transaction);
            bool IsCustomers(Guid? profileId, string? originalTransactionId) =>
                (profile is not null && profileId == profile.Id) || (original is not null && originalTransactionId == original);
            var earlier = related.Where(r => r.AppId == request.AppId && r.CreatedAt < request.CreatedAt && r.Id != request.Id).ToList();
            return context with
            {
                Report = reports.GetValueOrDefault((request.AppId, request.TransactionId)),
                History = [.. purchases.Where(t => t.AppId == request.AppId && IsCustomers(t.ProfileId, t.OriginalTransactionId)).Select(t => t.Purchase)],
                EarlierRequestsForTransaction = earlier.Count(r => r.TransactionId == request.TransactionId),
                EarlierRequestsForCustomer = earlier.Count(r => IsCustomers(r.ProfileId, r.OriginalTransactionId)),
                UnauthorizedAttempts = unauthorized.GetValueOrDefault(request.Id),
            };
        }).ToList();
    }

    private static string? OriginalTransactionId(ConsumptionRequest request, AppStoreTransaction? transaction) =>
        transaction?.OriginalTransactionId ?? request.OriginalTransactionId;
}
