using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RefundSaver.Domain.Apps;
using RefundSaver.Domain.AppStore;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.Infrastructure.Persistence.Configurations;

internal sealed class AppStoreTransactionConfiguration : IEntityTypeConfiguration<AppStoreTransaction>
{
    public void Configure(EntityTypeBuilder<AppStoreTransaction> builder)
    {
        builder.ToTable("app_store_transactions");
        builder.HasKey(transaction => new { transaction.AppId, transaction.TransactionId }).HasName("pk_app_store_transactions");
        builder.Property(transaction => transaction.AppId).HasColumnName("app_id");
        builder.Property(transaction => transaction.TransactionId).HasColumnName("transaction_id").HasMaxLength(64);
        builder.Property(transaction => transaction.OriginalTransactionId).HasColumnName("original_transaction_id").HasMaxLength(64).IsRequired();
        builder.Property(transaction => transaction.ProfileId).HasColumnName("profile_id");
        builder.Property(transaction => transaction.ProductId).HasColumnName("product_id").HasMaxLength(200);
        builder.Property(transaction => transaction.Type).HasColumnName("type").HasMaxLength(40);
        builder.Property(transaction => transaction.Price).HasColumnName("price");
        builder.Property(transaction => transaction.Currency).HasColumnName("currency").HasMaxLength(8);
        builder.Property(transaction => transaction.PurchaseDate).HasColumnName("purchase_date");
        builder.Property(transaction => transaction.ExpiresDate).HasColumnName("expires_date");
        builder.Property(transaction => transaction.RevocationDate).HasColumnName("revocation_date");
        builder.Property(transaction => transaction.RevocationReason).HasColumnName("revocation_reason");
        builder.Property(transaction => transaction.RevocationType).HasColumnName("revocation_type").HasMaxLength(64);
        builder.Property(transaction => transaction.AppAccountToken).HasColumnName("app_account_token");
        builder.Property(transaction => transaction.Storefront).HasColumnName("storefront").HasMaxLength(8);
        builder.Property(transaction => transaction.OfferType).HasColumnName("offer_type");
        builder.Property(transaction => transaction.OfferDiscountType).HasColumnName("offer_discount_type").HasMaxLength(32);
        builder.Property(transaction => transaction.Environment).HasColumnName("environment").HasMaxLength(16).HasConversion<string>();
        builder.Property(transaction => transaction.SignedDate).HasColumnName("signed_date");
        builder.Property(transaction => transaction.UpdatedAt).HasColumnName("updated_at");
        builder.HasIndex(transaction => new { transaction.AppId, transaction.OriginalTransactionId })
            .HasDatabaseName("ix_app_store_transactions_app_id_original_transaction_id");
        builder.HasIndex(transaction => transaction.ProfileId).HasDatabaseName("ix_app_store_transactions_profile_id");
        builder.HasOne<App>().WithMany().HasForeignKey(transaction => transaction.AppId)
            .HasConstraintName("fk_app_store_transactions_apps_app_id").OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Profile>().WithMany().HasForeignKey(transaction => transaction.ProfileId)
            .HasConstraintName("fk_app_store_transactions_profiles_profile_id").OnDelete(DeleteBehavior.SetNull);
    }
}
