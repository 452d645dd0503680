using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using RefundSaver.Application.Apps.Rules;
using RefundSaver.Domain.Apps;
using RefundSaver.Domain.Consumption;

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
        builder.Property(app => app.AppStoreIssuerId).HasColumnName("app_store_issuer_id").HasMaxLength(64);
        builder.Property(app => app.AppStoreKeyId).HasColumnName("app_store_key_id").HasMaxLength(64);
        builder.Property(app => app.AppStorePrivateKeyProtected).HasColumnName("app_store_private_key_protected");
        builder.Property(app => app.RefundSaverEnabled).HasColumnName("refund_saver_enabled");
        builder.Property(app => app.ConsumptionApiVersion).HasColumnName("consumption_api_version").HasMaxLength(8)
            .HasConversion(new ValueConverter<ConsumptionApiVersion, string>(
                version => version.ToWire(), name => ConsumptionApiVersionNames.Parse(name)));
        builder.Property(app => app.RefundPolicy).HasColumnName("refund_policy").HasMaxLength(32)
            .HasConversion(new ValueConverter<RefundPolicy, string>(
                policy => policy.ToWire(), name => RefundPolicyNames.Parse(name)));
        builder.Property(app => app.ConsentDefault).HasColumnName("consent_default").HasMaxLength(16)
            .HasConversion(new ValueConverter<ConsentDefault, string>(
                consent => consent.ToWire(), name => ConsentDefaultNames.Parse(name)));
        builder.Property(app => app.SampleContentProvided).HasColumnName("sample_content_provided");
        builder.Property(app => app.ReviewDelayMinutes).HasColumnName("review_delay_minutes");
        builder.Property(app => app.Rules).HasColumnName("rules").HasColumnType("jsonb").IsRequired()
            .HasConversion(
                new ValueConverter<List<PreferenceRule>, string>(
                    rules => PreferenceRules.Serialize(rules), json => PreferenceRules.Deserialize(json)),
                new ValueComparer<List<PreferenceRule>>(
                    (left, right) => left!.SequenceEqual(right!),
                    rules => rules.Aggregate(0, (hash, rule) => HashCode.Combine(hash, rule)),
                    rules => rules.ToList()));
        builder.HasIndex(app => app.BundleId).IsUnique().HasDatabaseName("ix_apps_bundle_id");
    }
}
