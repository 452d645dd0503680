using RefundSaver.Domain.Apps;
using RefundSaver.Domain.AppStore;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.Application.AppStore.Dispatching;

/// <summary>Everything known when a dispatcher works on one consumption request, read when it claimed it.</summary>
public sealed record DispatchContext
{
    public required ConsumptionRequest Request { get; init; }

    public required App App { get; init; }

    /// <summary>The ledger's row of the disputed transaction; null when no notification carried it.</summary>
    public AppStoreTransaction? Transaction { get; init; }

    /// <summary>Whose purchase it is (the backend's link, else the app account token); null when unknown.</summary>
    public Profile? Profile { get; init; }

    /// <summary>The purchase is a deleted profile's (the ledger's mark, or its token's hash): nothing is sent about it.</summary>
    public bool CustomerErased { get; init; }

    public PurchaseReport? Report { get; init; }

    /// <summary>The customer's purchases (the profile's, else those of the same original transaction).</summary>
    public IReadOnlyList<CustomerPurchase> History { get; init; } = [];

    public int EarlierRequestsForTransaction { get; init; }

    public int EarlierRequestsForCustomer { get; init; }

    /// <summary>How many of the request's earlier attempts Apple answered 401.</summary>
    public int UnauthorizedAttempts { get; init; }
}
