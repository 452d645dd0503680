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
        builder.HasKey(link => new { link.AppId, link.OriginalTransactionId });
        builder.Property(link => link.OriginalTransactionId).HasMaxLength(64);
        builder.HasIndex(link => link.ProfileId);
        builder.HasOne<App>().WithMany().HasForeignKey(link => link.AppId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Profile>().WithMany().HasForeignKey(link => link.ProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}
