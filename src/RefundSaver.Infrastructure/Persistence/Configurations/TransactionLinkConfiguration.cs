using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RefundSaver.Domain.Apps;
using RefundSaver.Domain.AppStore;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.Infrastructure.Persistence.Configurations;

internal sealed class TransactionLinkConfiguration : IEntityTypeConfiguration<TransactionLink>
{
    public void Configure(EntityTypeBuilder<TransactionLink> builder)
    {
        builder.ToTable("transaction_links");
        builder.HasKey(link => new { link.AppId, link.OriginalTransactionId }).HasName("pk_transaction_links");
        builder.Property(link => link.AppId).HasColumnName("app_id");
        builder.Property(link => link.OriginalTransactionId).HasColumnName("original_transaction_id").HasMaxLength(64);
        builder.Property(link => link.ProfileId).HasColumnName("profile_id");
        builder.Property(link => link.CreatedAt).HasColumnName("created_at");
        builder.HasIndex(link => link.ProfileId).HasDatabaseName("ix_transaction_links_profile_id");
        builder.HasOne<App>().WithMany().HasForeignKey(link => link.AppId)
            .HasConstraintName("fk_transaction_links_apps_app_id").OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Profile>().WithMany().HasForeignKey(link => link.ProfileId)
            .HasConstraintName("fk_transaction_links_profiles_profile_id").OnDelete(DeleteBehavior.Cascade);
    }
}
