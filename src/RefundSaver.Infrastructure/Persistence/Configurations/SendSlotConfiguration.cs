using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RefundSaver.Domain.Apps;
using RefundSaver.Infrastructure.Dispatching;

namespace RefundSaver.Infrastructure.Persistence.Configurations;

internal sealed class SendSlotConfiguration : IEntityTypeConfiguration<SendSlot>
{
    public void Configure(EntityTypeBuilder<SendSlot> builder)
    {
        builder.ToTable("send_slots"); // The convention would name it after the class (no DbSet does): send_slot.
        builder.HasKey(slot => new { slot.AppId, slot.Environment });
        builder.Property(slot => slot.Environment).HasMaxLength(16);
        builder.HasOne<App>().WithMany().HasForeignKey(slot => slot.AppId).OnDelete(DeleteBehavior.Cascade);
    }
}
