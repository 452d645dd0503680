using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RefundSaver.Infrastructure.Persistence.Configurations;

internal sealed class DatabaseIdentityConfiguration : IEntityTypeConfiguration<DatabaseIdentity>
{
    public void Configure(EntityTypeBuilder<DatabaseIdentity> builder)
    {
        builder.ToTable("database_identity");
        builder.HasKey(identity => identity.Id);
        builder.Property(identity => identity.Id).ValueGeneratedNever();
    }
}
