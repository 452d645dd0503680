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
        builder.HasKey(app => app.Id);
        builder.Property(app => app.Id).ValueGeneratedNever();
        builder.Property(app => app.Name).HasMaxLength(200).IsRequired();
        builder.Property(app => app.BundleId).HasMaxLength(155).IsRequired();
        builder.Property(app => app.ExtraTrustedRoots).IsRequired();
        builder.Property(app => app.AppStoreIssuerId).HasMaxLength(64);
        builder.Property(app => app.AppStoreKeyId).HasMaxLength(64);
        builder.Property(app => app.ConsumptionApiVersion).HasMaxLength(8)
            .HasConversion(new ValueConverter<ConsumptionApiVersion, string>(
                version => version.ToWire(), name => ConsumptionApiVersionNames.Parse(name)));
        builder.Property(app => app.RefundPolicy).HasMaxLength(32)
            .HasConversion(new ValueConverter<RefundPolicy, string>(
                policy => policy.ToWire(), name => RefundPolicyNames.Parse(name)));
        builder.Property(app => app.ConsentDefault).HasMaxLength(16)
            .HasConversion(new ValueConverter<ConsentDefault, string>(
                consent => consent.ToWire(), name => ConsentDefaultNames.Parse(name)));
        builder.Property(app => app.Rules).HasColumnType("jsonb").IsRequired()
            .HasConversion(
                new ValueConverter<List<PreferenceRule>, string>(
                    rules => PreferenceRules.Serialize(rules), json => PreferenceRules.Deserialize(json)),
                new ValueComparer<List<PreferenceRule>>(
                    (left, right) => left!.SequenceEqual(right!),
                    rules => rules.Aggregate(0, (hash, rule) => HashCode.Combine(hash, rule)),
                    rules => rules.ToList()));
        builder.HasIndex(app => app.BundleId).IsUnique();
    }
}
