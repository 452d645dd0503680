using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Migrations.Internal;

namespace RefundSaver.Infrastructure.Persistence;

internal static class SnakeCaseNaming
{
    /// <summary>
    /// Names every table, column, key and index in snake case by convention, except the migrations
    /// history table's columns and key, which keep EF's names.
    /// </summary>
    public static DbContextOptionsBuilder UseSnakeCaseNaming(this DbContextOptionsBuilder options) =>
        options.UseSnakeCaseNamingConvention().ReplaceService<IHistoryRepository, HistoryRepositoryWithEfNames>();

    /// <summary>
    /// The convention also renames the history table's columns (migration_id, product_version), and a
    /// database whose history was written before it could no longer be read. Subclassing the provider's
    /// repository is EF's documented way to configure that table, though the class is internal to EF.
    /// </summary>
#pragma warning disable EF1001
    private sealed class HistoryRepositoryWithEfNames(HistoryRepositoryDependencies dependencies)
        : NpgsqlHistoryRepository(dependencies)
    {
        protected override void ConfigureTable(EntityTypeBuilder<HistoryRow> history)
        {
            base.ConfigureTable(history);
            history.HasKey(row => row.MigrationId).HasName("PK___EFMigrationsHistory");
            history.Property(row => row.MigrationId).HasColumnName(nameof(HistoryRow.MigrationId));
            history.Property(row => row.ProductVersion).HasColumnName(nameof(HistoryRow.ProductVersion));
        }
    }
#pragma warning restore EF1001
}
