using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RefundSaver.Domain.Apps;
using RefundSaver.Domain.AppStore;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.Infrastructure.Persistence.Configurations;

internal sealed class ConsumptionRequestConfiguration : IEntityTypeConfiguration<ConsumptionRequest>
{
    public void Configure(EntityTypeBuilder<ConsumptionRequest> builder)
    {
        builder.ToTable("consumption_requests");

        // A queue: every request is rewritten a few times on its way (claimed, sending, answered).
        // Room on each page lets the lease changes stay on the page (no index is touched), and a
        // vacuum and fresh statistics after a few percent of changes keep the claim's index walks short.
        builder.HasStorageParameter("fillfactor", 70);
        builder.HasStorageParameter("autovacuum_vacuum_scale_factor", 0.02);
        builder.HasStorageParameter("autovacuum_analyze_scale_factor", 0.02);
        builder.HasKey(request => request.Id).HasName("pk_consumption_requests");
        builder.Property(request => request.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(request => request.AppId).HasColumnName("app_id");
        builder.Property(request => request.NotificationId).HasColumnName("notification_id");
        builder.Property(request => request.TransactionId).HasColumnName("transaction_id").HasMaxLength(64).IsRequired();
        builder.Property(request => request.OriginalTransactionId).HasColumnName("original_transaction_id").HasMaxLength(64);
        builder.Property(request => request.ProfileId).HasColumnName("profile_id");
        builder.Property(request => request.Environment).HasColumnName("environment").HasMaxLength(16).HasConversion<string>();
        builder.Property(request => request.Reason).HasColumnName("reason").HasMaxLength(64);
        builder.Property(request => request.State).HasColumnName("state").HasMaxLength(16).HasConversion<string>();
        builder.Property(request => request.RequestedAt).HasColumnName("requested_at");
        builder.Property(request => request.Deadline).HasColumnName("deadline");
        builder.Property(request => request.Outcome).HasColumnName("outcome").HasMaxLength(16).HasConversion<string>();
        builder.Property(request => request.OutcomeAt).HasColumnName("outcome_at");
        builder.Property(request => request.CreatedAt).HasColumnName("created_at");
        builder.Property(request => request.DueAt).HasColumnName("due_at");
        builder.Property(request => request.LeaseOwner).HasColumnName("lease_owner").HasMaxLength(100);
        builder.Property(request => request.LeaseExpiresAt).HasColumnName("lease_expires_at");
        builder.Property(request => request.Attempts).HasColumnName("attempts");
        builder.Property(request => request.ManualPreference).HasColumnName("manual_preference").HasMaxLength(20);
        builder.Property(request => request.Preference).HasColumnName("preference").HasMaxLength(20);
        builder.Property(request => request.PreferenceSource).HasColumnName("preference_source").HasMaxLength(100);
        builder.Property(request => request.ApiVersion).HasColumnName("api_version").HasMaxLength(8);
        builder.Property(request => request.Body).HasColumnName("body").HasColumnType("json");
        builder.Property(request => request.StateReason).HasColumnName("state_reason").HasMaxLength(500);
        builder.Property(request => request.AnsweredAt).HasColumnName("answered_at");
        builder.Property(request => request.UpdatedAt).HasColumnName("updated_at");
        builder.HasIndex(request => request.DueAt).HasDatabaseName("ix_consumption_requests_pending_due_at")
            .HasFilter("state IN ('Received', 'Held', 'Due', 'Sending')");
        builder.HasIndex(request => new { request.AppId, request.Environment, request.DueAt, request.Deadline })
            .HasDatabaseName("ix_consumption_requests_pending_lane")
            .HasFilter("state IN ('Received', 'Held', 'Due', 'Sending')");
        builder.HasIndex(request => new { request.AppId, request.OriginalTransactionId })
            .HasDatabaseName("ix_consumption_requests_app_id_original_transaction_id");
        builder.HasIndex(request => request.NotificationId).IsUnique().HasDatabaseName("ix_consumption_requests_notification_id");
        builder.HasIndex(request => new { request.AppId, request.CreatedAt }).HasDatabaseName("ix_consumption_requests_app_id_created_at");
        builder.HasIndex(request => new { request.AppId, request.TransactionId }).HasDatabaseName("ix_consumption_requests_app_id_transaction_id");
        builder.HasIndex(request => request.ProfileId).HasDatabaseName("ix_consumption_requests_profile_id");
        builder.HasOne<App>().WithMany().HasForeignKey(request => request.AppId)
            .HasConstraintName("fk_consumption_requests_apps_app_id").OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Notification>().WithMany().HasForeignKey(request => request.NotificationId)
            .HasConstraintName("fk_consumption_requests_notifications_notification_id").OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Profile>().WithMany().HasForeignKey(request => request.ProfileId)
            .HasConstraintName("fk_consumption_requests_profiles_profile_id").OnDelete(DeleteBehavior.SetNull);
    }
}
