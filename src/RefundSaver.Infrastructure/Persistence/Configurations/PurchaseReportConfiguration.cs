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
        builder.ToTable(table => table.HasCheckConstraint(
            "ck_purchase_reports_consumption_percentage", "consumption_percentage BETWEEN 0 AND 100000"));
        builder.HasKey(report => new { report.AppId, report.TransactionId });
        builder.Property(report => report.TransactionId).HasMaxLength(64);
        builder.Property(report => report.DeliveryStatus).HasMaxLength(32)
            .HasConversion(new ValueConverter<DeliveryStatus, string>(status => status.ToWire(), name => DeliveryStatusNames.Parse(name)));
        builder.HasOne<App>().WithMany().HasForeignKey(report => report.AppId).OnDelete(DeleteBehavior.Cascade);
    }
}
