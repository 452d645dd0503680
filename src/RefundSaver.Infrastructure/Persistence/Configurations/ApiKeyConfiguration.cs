using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RefundSaver.Domain.Apps;

namespace RefundSaver.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.HasKey(key => key.Id);
        builder.Property(key => key.Id).ValueGeneratedNever();
        builder.Property(key => key.KeyId).HasMaxLength(8).IsRequired();
        builder.Property(key => key.SecretHash).IsRequired();
        builder.Property(key => key.Name).HasMaxLength(100).IsRequired();
        builder.Ignore(key => key.IsActive);
        builder.HasIndex(key => key.KeyId).IsUnique();
        builder.HasIndex(key => key.AppId);
        builder.HasOne<App>().WithMany().HasForeignKey(key => key.AppId).OnDelete(DeleteBehavior.Cascade);
    }
}
