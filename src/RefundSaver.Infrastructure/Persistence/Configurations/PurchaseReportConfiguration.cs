using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using RefundSaver.Domain.Apps;
using RefundSaver.Domain.AppStore;
using RefundSaver.Domain.Consumption;

namespace RefundSaver.Infrastructure.Persistence.Configurations;

internal sealed class PurchaseReportConfiguration : IEntityTypeConfiguration<PurchaseReport>
{
    public void Configure(EntityTypeBuilder<PurchaseReport> builder)
    {
        builder.ToTable("purchase_reports", table => table.HasCheckConstraint(
            "ck_purchase_reports_consumption_percentage", "consumption_percentage BETWEEN 0 AND 100000"));
        builder.HasKey(report => new { report.AppId, report.TransactionId }).HasName("pk_purchase_reports");
        builder.Property(report => report.AppId).HasColumnName("app_id");
        builder.Property(report => report.TransactionId).HasColumnName("transaction_id").HasMaxLength(64);
        builder.Property(report => report.ConsumptionPercentage).HasColumnName("consumption_percentage");
        builder.Property(report => report.DeliveryStatus).HasColumnName("delivery_status").HasMaxLength(32)
            .HasConversion(new ValueConverter<DeliveryStatus, string>(status => status.ToWire(), name => DeliveryStatusNames.Parse(name)));
        builder.Property(report => report.UpdatedAt).HasColumnName("updated_at");
        builder.HasOne<App>().WithMany().HasForeignKey(report => report.AppId)
            .HasConstraintName("fk_purchase_reports_apps_app_id").OnDelete(DeleteBehavior.Cascade);
    }
}
