using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RefundSaver.Domain.Apps;
using RefundSaver.Infrastructure.Dispatching;

namespace RefundSaver.Infrastructure.Persistence.Configurations;

internal sealed class SendSlotConfiguration : IEntityTypeConfiguration<SendSlot>
{
    public void Configure(EntityTypeBuilder<SendSlot> builder)
    {
        builder.ToTable("send_slots");
        builder.HasKey(slot => new { slot.AppId, slot.Environment }).HasName("pk_send_slots");
        builder.Property(slot => slot.AppId).HasColumnName("app_id");
        builder.Property(slot => slot.Environment).HasColumnName("environment").HasMaxLength(16);
        builder.Property(slot => slot.NextAt).HasColumnName("next_at");
        builder.HasOne<App>().WithMany().HasForeignKey(slot => slot.AppId)
            .HasConstraintName("fk_send_slots_apps_app_id").OnDelete(DeleteBehavior.Cascade);
    }
}
