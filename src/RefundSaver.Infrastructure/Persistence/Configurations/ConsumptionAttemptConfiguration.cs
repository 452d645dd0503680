using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Infrastructure.Persistence.Configurations;

internal sealed class ConsumptionAttemptConfiguration : IEntityTypeConfiguration<ConsumptionAttempt>
{
    public void Configure(EntityTypeBuilder<ConsumptionAttempt> builder)
    {
        builder.ToTable("consumption_attempts");
        builder.HasKey(attempt => attempt.Id).HasName("pk_consumption_attempts");
        builder.Property(attempt => attempt.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(attempt => attempt.RequestId).HasColumnName("request_id");
        builder.Property(attempt => attempt.Number).HasColumnName("number");
        builder.Property(attempt => attempt.StartedAt).HasColumnName("started_at");
        builder.Property(attempt => attempt.ElapsedMilliseconds).HasColumnName("elapsed_ms");
        builder.Property(attempt => attempt.ApiVersion).HasColumnName("api_version").HasMaxLength(8).IsRequired();
        builder.Property(attempt => attempt.Result).HasColumnName("result").HasMaxLength(20).IsRequired();
        builder.Property(attempt => attempt.StatusCode).HasColumnName("status_code");
        builder.Property(attempt => attempt.ErrorCode).HasColumnName("error_code");
        builder.Property(attempt => attempt.ErrorMessage).HasColumnName("error_message").HasMaxLength(500);
        builder.Property(attempt => attempt.Body).HasColumnName("body").HasColumnType("json").IsRequired();
        builder.HasIndex(attempt => new { attempt.RequestId, attempt.Number }).IsUnique()
            .HasDatabaseName("ix_consumption_attempts_request_id_number");
        builder.HasOne<ConsumptionRequest>().WithMany().HasForeignKey(attempt => attempt.RequestId)
            .HasConstraintName("fk_consumption_attempts_consumption_requests_request_id").OnDelete(DeleteBehavior.Cascade);
    }
}
