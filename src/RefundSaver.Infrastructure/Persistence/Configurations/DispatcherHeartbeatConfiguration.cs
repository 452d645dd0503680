using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RefundSaver.Infrastructure.Dispatching;

namespace RefundSaver.Infrastructure.Persistence.Configurations;

internal sealed class DispatcherHeartbeatConfiguration : IEntityTypeConfiguration<DispatcherHeartbeat>
{
    public void Configure(EntityTypeBuilder<DispatcherHeartbeat> builder)
    {
        builder.ToTable("dispatchers");
        builder.HasKey(heartbeat => heartbeat.Owner).HasName("pk_dispatchers");
        builder.Property(heartbeat => heartbeat.Owner).HasColumnName("owner").HasMaxLength(100);
        builder.Property(heartbeat => heartbeat.SeenAt).HasColumnName("seen_at");
    }
}
