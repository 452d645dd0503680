using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Domain.Apps;
using RefundSaver.Domain.AppStore;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.Infrastructure.Persistence;

public sealed class RefundSaverDbContext(DbContextOptions<RefundSaverDbContext> options)
    : DbContext(options), IApplicationDbContext
{
    public DbSet<App> Apps => Set<App>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Profile> Profiles => Set<Profile>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<AppStoreTransaction> AppStoreTransactions => Set<AppStoreTransaction>();

    public DbSet<ConsumptionRequest> ConsumptionRequests => Set<ConsumptionRequest>();

    public DbSet<TransactionLink> TransactionLinks => Set<TransactionLink>();

    public DbSet<PurchaseReport> PurchaseReports => Set<PurchaseReport>();

    public DbSet<ConsumptionAttempt> ConsumptionAttempts => Set<ConsumptionAttempt>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RefundSaverDbContext).Assembly);
}
