using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RefundSaver.Infrastructure.Dispatching;

namespace RefundSaver.Infrastructure.Persistence.Configurations;

internal sealed class DispatcherHeartbeatConfiguration : IEntityTypeConfiguration<DispatcherHeartbeat>
{
    public void Configure(EntityTypeBuilder<DispatcherHeartbeat> builder)
    {
        builder.ToTable("dispatchers"); // The convention would name it after the class (no DbSet does): dispatcher_heartbeat.
        builder.HasKey(heartbeat => heartbeat.Owner);
        builder.Property(heartbeat => heartbeat.Owner).HasMaxLength(100);
    }
}
