using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Domain.Apps;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.Infrastructure.Persistence;

public sealed class RefundSaverDbContext(DbContextOptions<RefundSaverDbContext> options)
    : DbContext(options), IApplicationDbContext
{
    public DbSet<App> Apps => Set<App>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Profile> Profiles => Set<Profile>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RefundSaverDbContext).Assembly);
}
