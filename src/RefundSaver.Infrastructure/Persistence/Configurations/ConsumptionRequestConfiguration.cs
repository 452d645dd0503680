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
        // A queue: every request is rewritten a few times on its way (claimed, sending, answered).
        // Room on each page lets the lease changes stay on the page (no index is touched), and a
        // vacuum and fresh statistics after a few percent of changes keep the claim's index walks short.
        builder.HasStorageParameter("fillfactor", 70);
        builder.HasStorageParameter("autovacuum_vacuum_scale_factor", 0.02);
        builder.HasStorageParameter("autovacuum_analyze_scale_factor", 0.02);
        builder.HasKey(request => request.Id);
        builder.Property(request => request.Id).ValueGeneratedNever();
        builder.Property(request => request.TransactionId).HasMaxLength(64).IsRequired();
        builder.Property(request => request.OriginalTransactionId).HasMaxLength(64);
        builder.Property(request => request.Environment).HasMaxLength(16).HasConversion<string>();
        builder.Property(request => request.Reason).HasMaxLength(64);
        builder.Property(request => request.State).HasMaxLength(16).HasConversion<string>();
        builder.Property(request => request.Outcome).HasMaxLength(16).HasConversion<string>();
        builder.Property(request => request.LeaseOwner).HasMaxLength(100);
        builder.Property(request => request.ManualPreference).HasMaxLength(20);
        builder.Property(request => request.Preference).HasMaxLength(20);
        builder.Property(request => request.PreferenceSource).HasMaxLength(100);
        builder.Property(request => request.ApiVersion).HasMaxLength(8);
        builder.Property(request => request.Body).HasColumnType("json");
        builder.Property(request => request.StateReason).HasMaxLength(500);
        // The partial indexes' names say what they hold, where the convention would only list their columns.
        builder.HasIndex(request => request.DueAt).HasDatabaseName("ix_consumption_requests_pending_due_at")
            .HasFilter("state IN ('Received', 'Held', 'Due', 'Sending')");
        builder.HasIndex(request => new { request.AppId, request.Environment, request.DueAt, request.Deadline })
            .HasDatabaseName("ix_consumption_requests_pending_lane")
            .HasFilter("state IN ('Received', 'Held', 'Due', 'Sending')");
        builder.HasIndex(request => new { request.AppId, request.OriginalTransactionId });
        builder.HasIndex(request => request.NotificationId).IsUnique();
        builder.HasIndex(request => new { request.AppId, request.CreatedAt });
        builder.HasIndex(request => new { request.AppId, request.TransactionId });
        builder.HasIndex(request => request.ProfileId);
        builder.HasOne<App>().WithMany().HasForeignKey(request => request.AppId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Notification>().WithMany().HasForeignKey(request => request.NotificationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Profile>().WithMany().HasForeignKey(request => request.ProfileId).OnDelete(DeleteBehavior.SetNull);
    }
}
