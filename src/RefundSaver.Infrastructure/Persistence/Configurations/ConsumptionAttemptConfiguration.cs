using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Infrastructure.Persistence.Configurations;

internal sealed class ConsumptionAttemptConfiguration : IEntityTypeConfiguration<ConsumptionAttempt>
{
    public void Configure(EntityTypeBuilder<ConsumptionAttempt> builder)
    {
        builder.HasKey(attempt => attempt.Id);
        builder.Property(attempt => attempt.Id).ValueGeneratedNever();
        builder.Property(attempt => attempt.ElapsedMilliseconds).HasColumnName("elapsed_ms"); // Shorter than the convention's elapsed_milliseconds.
        builder.Property(attempt => attempt.ApiVersion).HasMaxLength(8).IsRequired();
        builder.Property(attempt => attempt.Result).HasMaxLength(20).IsRequired();
        builder.Property(attempt => attempt.ErrorMessage).HasMaxLength(500);
        builder.Property(attempt => attempt.Body).HasColumnType("json").IsRequired();
        builder.HasIndex(attempt => new { attempt.RequestId, attempt.Number }).IsUnique();
        builder.HasOne<ConsumptionRequest>().WithMany().HasForeignKey(attempt => attempt.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}
