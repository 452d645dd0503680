using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RefundSaver.Domain.Apps;

namespace RefundSaver.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(key => key.Id).HasName("pk_api_keys");
        builder.Property(key => key.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(key => key.AppId).HasColumnName("app_id");
        builder.Property(key => key.KeyId).HasColumnName("key_id").HasMaxLength(8).IsRequired();
        builder.Property(key => key.SecretHash).HasColumnName("secret_hash").IsRequired();
        builder.Property(key => key.Name).HasColumnName("name").HasMaxLength(100).IsRequired();
        builder.Property(key => key.CreatedAt).HasColumnName("created_at");
        builder.Property(key => key.RevokedAt).HasColumnName("revoked_at");
        builder.Ignore(key => key.IsActive);
        builder.HasIndex(key => key.KeyId).IsUnique().HasDatabaseName("ix_api_keys_key_id");
        builder.HasIndex(key => key.AppId).HasDatabaseName("ix_api_keys_app_id");
        builder.HasOne<App>().WithMany().HasForeignKey(key => key.AppId)
            .HasConstraintName("fk_api_keys_apps_app_id").OnDelete(DeleteBehavior.Cascade);
    }
}
