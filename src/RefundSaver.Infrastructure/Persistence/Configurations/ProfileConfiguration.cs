using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using RefundSaver.Application.Profiles;
using RefundSaver.Domain.Apps;
using RefundSaver.Domain.Consumption;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.Infrastructure.Persistence.Configurations;

internal sealed class ProfileConfiguration : IEntityTypeConfiguration<Profile>
{
    public void Configure(EntityTypeBuilder<Profile> builder)
    {
        builder.ToTable("profiles", table => table.HasCheckConstraint(
            "ck_profiles_custom_preference",
            "custom_preference IN ('grant', 'decline', 'no_preference')"));
        builder.HasKey(profile => profile.Id).HasName("pk_profiles");
        builder.Property(profile => profile.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(profile => profile.AppId).HasColumnName("app_id");
        builder.Property(profile => profile.CustomerUserId).HasColumnName("customer_user_id").HasMaxLength(255);
        builder.Property(profile => profile.Email).HasColumnName("email").HasMaxLength(254);
        builder.Property(profile => profile.PhoneNumber).HasColumnName("phone_number").HasMaxLength(32);
        builder.Property(profile => profile.FirstName).HasColumnName("first_name").HasMaxLength(100);
        builder.Property(profile => profile.LastName).HasColumnName("last_name").HasMaxLength(100);
        builder.Property(profile => profile.AppAccountToken).HasColumnName("app_account_token");
        builder.Property(profile => profile.Consent).HasColumnName("consent");
        builder.Property(profile => profile.CustomPreference).HasColumnName("custom_preference").HasMaxLength(20)
            .HasConversion(new ValueConverter<CustomPreference, string>(
                preference => preference.ToName(), name => CustomPreferenceNames.Parse(name)));
        builder.Property(profile => profile.PlayTimeSeconds).HasColumnName("play_time_seconds");
        builder.Property(profile => profile.AccountStatus).HasColumnName("account_status").HasMaxLength(20)
            .HasConversion(new ValueConverter<UserStatus, string>(status => status.ToWire(), name => UserStatusNames.Parse(name)));
        builder.Property(profile => profile.CreatedAt).HasColumnName("created_at");
        builder.Property(profile => profile.UpdatedAt).HasColumnName("updated_at");
        builder.HasIndex(profile => new { profile.AppId, profile.CustomerUserId }).IsUnique()
            .HasDatabaseName("ix_profiles_app_id_customer_user_id");
        builder.Property<Guid>(ProfileQueries.EffectiveAppAccountToken).HasColumnName("effective_app_account_token")
            .HasComputedColumnSql("coalesce(app_account_token, id)", stored: true);
        builder.HasIndex(nameof(Profile.AppId), ProfileQueries.EffectiveAppAccountToken).IsUnique()
            .HasDatabaseName("ix_profiles_app_id_effective_app_account_token");
        builder.HasOne<App>().WithMany().HasForeignKey(profile => profile.AppId)
            .HasConstraintName("fk_profiles_apps_app_id").OnDelete(DeleteBehavior.Cascade);
    }
}
