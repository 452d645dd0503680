using Microsoft.EntityFrameworkCore;
using RefundSaver.Domain.Apps;
using RefundSaver.Domain.AppStore;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.Application.Common.Interfaces;

/// <summary>The narrow view of the database that use cases work with.</summary>
public interface IApplicationDbContext
{
    DbSet<App> Apps { get; }

    DbSet<ApiKey> ApiKeys { get; }

    DbSet<Profile> Profiles { get; }

    DbSet<Notification> Notifications { get; }

    DbSet<AppStoreTransaction> AppStoreTransactions { get; }

    DbSet<ConsumptionRequest> ConsumptionRequests { get; }

    DbSet<TransactionLink> TransactionLinks { get; }

    DbSet<PurchaseReport> PurchaseReports { get; }

    DbSet<ConsumptionAttempt> ConsumptionAttempts { get; }

    DbSet<ErasedCustomer> ErasedCustomers { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
