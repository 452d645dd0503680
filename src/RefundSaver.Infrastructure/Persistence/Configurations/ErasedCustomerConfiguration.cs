using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RefundSaver.Domain.Apps;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.Infrastructure.Persistence.Configurations;

internal sealed class ErasedCustomerConfiguration : IEntityTypeConfiguration<ErasedCustomer>
{
    public void Configure(EntityTypeBuilder<ErasedCustomer> builder)
    {
        builder.HasKey(erased => new { erased.AppId, erased.TokenHash });
        builder.Property(erased => erased.TokenHash).HasMaxLength(32);
        builder.HasOne<App>().WithMany().HasForeignKey(erased => erased.AppId).OnDelete(DeleteBehavior.Cascade);
    }
}
