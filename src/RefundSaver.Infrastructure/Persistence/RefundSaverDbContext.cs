using EFCore.NamingConventions.Internal;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Persistence;
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

    public DbSet<ErasedCustomer> ErasedCustomers => Set<ErasedCustomer>();

    /// <summary>
    /// Snake case names by convention (<see cref="SnakeCaseNaming"/>), whoever builds the context: the
    /// design-time factory, tests, the runtime. EF forbids this method to change a pool's options, so a
    /// pooled registration (the runtime's) names the convention itself, and passes here.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        if (optionsBuilder.Options.FindExtension<NamingConventionsOptionsExtension>() is null)
        {
            optionsBuilder.UseSnakeCaseNaming();
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new UniqueKeyViolationException(exception);
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RefundSaverDbContext).Assembly);
}
