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
        builder.HasKey(transaction => new { transaction.AppId, transaction.TransactionId });
        builder.Property(transaction => transaction.TransactionId).HasMaxLength(64);
        builder.Property(transaction => transaction.OriginalTransactionId).HasMaxLength(64).IsRequired();
        builder.Property(transaction => transaction.ProductId).HasMaxLength(200);
        builder.Property(transaction => transaction.Type).HasMaxLength(40);
        builder.Property(transaction => transaction.Currency).HasMaxLength(8);
        builder.Property(transaction => transaction.RevocationType).HasMaxLength(64);
        builder.Property(transaction => transaction.Storefront).HasMaxLength(8);
        builder.Property(transaction => transaction.OfferDiscountType).HasMaxLength(32);
        builder.Property(transaction => transaction.Environment).HasMaxLength(16).HasConversion<string>();
        // A default, since the webhook's batch insert names only the columns it fills.
        builder.Property(transaction => transaction.CustomerErased).HasDefaultValue(false);
        builder.HasIndex(transaction => new { transaction.AppId, transaction.OriginalTransactionId });
        builder.HasIndex(transaction => transaction.ProfileId);
        builder.HasOne<App>().WithMany().HasForeignKey(transaction => transaction.AppId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Profile>().WithMany().HasForeignKey(transaction => transaction.ProfileId).OnDelete(DeleteBehavior.SetNull);
    }
}
