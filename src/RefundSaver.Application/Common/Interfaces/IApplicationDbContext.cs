using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
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

    /// <summary>Where a command that writes more than once begins its one transaction (<see cref="Behaviours.TransactionBehaviour{TMessage, TResponse}"/>).</summary>
    DatabaseFacade Database { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
