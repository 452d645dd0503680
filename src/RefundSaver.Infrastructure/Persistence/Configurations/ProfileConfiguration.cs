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
        builder.ToTable(table => table.HasCheckConstraint(
            "ck_profiles_custom_preference",
            "custom_preference IN ('grant', 'decline', 'no_preference')"));
        builder.HasKey(profile => profile.Id);
        builder.Property(profile => profile.Id).ValueGeneratedNever();
        builder.Property(profile => profile.CustomerUserId).HasMaxLength(255);
        builder.Property(profile => profile.Email).HasMaxLength(254);
        builder.Property(profile => profile.PhoneNumber).HasMaxLength(32);
        builder.Property(profile => profile.FirstName).HasMaxLength(100);
        builder.Property(profile => profile.LastName).HasMaxLength(100);
        builder.Property(profile => profile.CustomPreference).HasMaxLength(20)
            .HasConversion(new ValueConverter<CustomPreference, string>(
                preference => preference.ToName(), name => CustomPreferenceNames.Parse(name)));
        builder.Property(profile => profile.AccountStatus).HasMaxLength(20)
            .HasConversion(new ValueConverter<UserStatus, string>(status => status.ToWire(), name => UserStatusNames.Parse(name)));
        builder.HasIndex(profile => new { profile.AppId, profile.CustomerUserId }).IsUnique();
        builder.Property<Guid>(ProfileQueries.EffectiveAppAccountToken).HasComputedColumnSql("coalesce(app_account_token, id)", stored: true);
        builder.HasIndex(nameof(Profile.AppId), ProfileQueries.EffectiveAppAccountToken).IsUnique();
        builder.HasOne<App>().WithMany().HasForeignKey(profile => profile.AppId).OnDelete(DeleteBehavior.Cascade);
    }
}
