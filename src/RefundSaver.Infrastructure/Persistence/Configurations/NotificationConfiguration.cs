using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RefundSaver.Domain.Apps;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.HasKey(notification => notification.Id).HasName("pk_notifications");
        builder.Property(notification => notification.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(notification => notification.AppId).HasColumnName("app_id");
        builder.Property(notification => notification.NotificationUuid).HasColumnName("notification_uuid");
        builder.Property(notification => notification.NotificationType).HasColumnName("notification_type").HasMaxLength(64).IsRequired();
        builder.Property(notification => notification.Subtype).HasColumnName("subtype").HasMaxLength(64);
        builder.Property(notification => notification.Environment).HasColumnName("environment").HasMaxLength(16).HasConversion<string>();
        builder.Property(notification => notification.SignedDate).HasColumnName("signed_date");
        builder.Property(notification => notification.ReceivedAt).HasColumnName("received_at");
        builder.Property(notification => notification.TransactionId).HasColumnName("transaction_id").HasMaxLength(64);
        builder.Property(notification => notification.OriginalTransactionId).HasColumnName("original_transaction_id").HasMaxLength(64);
        builder.Property(notification => notification.Effect).HasColumnName("effect").IsRequired();
        builder.Property(notification => notification.Payload).HasColumnName("payload").HasColumnType("jsonb").IsRequired();
        builder.HasIndex(notification => notification.NotificationUuid).IsUnique().HasDatabaseName("ix_notifications_notification_uuid");
        builder.HasIndex(notification => new { notification.AppId, notification.ReceivedAt }).HasDatabaseName("ix_notifications_app_id_received_at");
        builder.HasIndex(notification => new { notification.AppId, notification.TransactionId }).HasDatabaseName("ix_notifications_app_id_transaction_id");
        builder.HasOne<App>().WithMany().HasForeignKey(notification => notification.AppId)
            .HasConstraintName("fk_notifications_apps_app_id").OnDelete(DeleteBehavior.Cascade);
    }
}
