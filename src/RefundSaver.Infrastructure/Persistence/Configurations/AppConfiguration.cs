using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RefundSaver.Domain.Apps;

namespace RefundSaver.Infrastructure.Persistence.Configurations;

internal sealed class AppConfiguration : IEntityTypeConfiguration<App>
{
    public void Configure(EntityTypeBuilder<App> builder)
    {
        builder.ToTable("apps");
        builder.HasKey(app => app.Id).HasName("pk_apps");
        builder.Property(app => app.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(app => app.Name).HasColumnName("name").HasMaxLength(200).IsRequired();
        builder.Property(app => app.BundleId).HasColumnName("bundle_id").HasMaxLength(155).IsRequired();
        builder.Property(app => app.AppleAppId).HasColumnName("apple_app_id");
        builder.Property(app => app.AcceptsSandbox).HasColumnName("accepts_sandbox");
        builder.Property(app => app.AcceptsProduction).HasColumnName("accepts_production");
        builder.Property(app => app.ExtraTrustedRoots).HasColumnName("extra_trusted_roots").IsRequired();
        builder.Property(app => app.CreatedAt).HasColumnName("created_at");
        builder.HasIndex(app => app.BundleId).IsUnique().HasDatabaseName("ix_apps_bundle_id");
    }
}
