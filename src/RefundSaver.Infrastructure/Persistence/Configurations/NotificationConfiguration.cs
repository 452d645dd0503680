using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RefundSaver.Domain.Apps;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasKey(notification => notification.Id);
        builder.Property(notification => notification.Id).ValueGeneratedNever();
        builder.Property(notification => notification.NotificationType).HasMaxLength(64).IsRequired();
        builder.Property(notification => notification.Subtype).HasMaxLength(64);
        builder.Property(notification => notification.Environment).HasMaxLength(16).HasConversion<string>();
        builder.Property(notification => notification.TransactionId).HasMaxLength(64);
        builder.Property(notification => notification.OriginalTransactionId).HasMaxLength(64);
        builder.Property(notification => notification.RefundOutcome).HasMaxLength(16).HasConversion<string>();
        builder.Property(notification => notification.Effect).IsRequired();
        builder.Property(notification => notification.Payload).HasColumnType("jsonb").IsRequired();
        builder.HasIndex(notification => notification.NotificationUuid).IsUnique();
        builder.HasIndex(notification => new { notification.AppId, notification.ReceivedAt });
        builder.HasIndex(notification => new { notification.AppId, notification.TransactionId });
        builder.HasOne<App>().WithMany().HasForeignKey(notification => notification.AppId).OnDelete(DeleteBehavior.Cascade);
    }
}
