using RefundSaver.Domain.Common;
using RefundSaver.Domain.Consumption;

namespace RefundSaver.Domain.Profiles;

/// <summary>
/// One customer of one app. <see cref="Consent"/> and <see cref="CustomPreference"/> are null when
/// the customer follows the app's defaults.
/// </summary>
public sealed class Profile
{
    private Profile(Guid id, Guid appId, string? customerUserId, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        Id = id;
        AppId = appId;
        CustomerUserId = customerUserId;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
    }

    public Guid Id { get; private set; }

    public Guid AppId { get; private set; }

    public string? CustomerUserId { get; private set; }

    public string? Email { get; private set; }

    public string? PhoneNumber { get; private set; }

    public string? FirstName { get; private set; }

    public string? LastName { get; private set; }

    /// <summary>
    /// The <c>appAccountToken</c> the app passes to StoreKit for this customer; when null, the
    /// profile's id is its token.
    /// </summary>
    public Guid? AppAccountToken { get; private set; }

    public bool? Consent { get; private set; }

    public CustomPreference? CustomPreference { get; private set; }

    /// <summary>Total time the customer used the app, as the backend reported it; null if never reported.</summary>
    public long? PlayTimeSeconds { get; private set; }

    /// <summary>The customer's account status as the backend reported it; null counts as active.</summary>
    public UserStatus? AccountStatus { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Profile CreateForCustomer(Guid appId, string customerUserId, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), appId, customerUserId, now, now);

    /// <summary>An anonymous profile whose id the app's backend chose.</summary>
    public static Profile CreateWithId(Guid appId, Guid profileId, DateTimeOffset now) =>
        new(profileId, appId, null, now, now);

    public void UpdateDetails(ProfileDetails details, DateTimeOffset now)
    {
        Email = details.Email.GetValueOr(Email);
        PhoneNumber = details.PhoneNumber.GetValueOr(PhoneNumber);
        FirstName = details.FirstName.GetValueOr(FirstName);
        LastName = details.LastName.GetValueOr(LastName);
        AppAccountToken = details.AppAccountToken.GetValueOr(AppAccountToken);
        UpdatedAt = now;
    }

    /// <summary>A left-out report is kept; an explicit null forgets it.</summary>
    public void ReportUsage(Optional<long?> playTimeSeconds, Optional<UserStatus?> accountStatus, DateTimeOffset now)
    {
        PlayTimeSeconds = playTimeSeconds.GetValueOr(PlayTimeSeconds);
        AccountStatus = accountStatus.GetValueOr(AccountStatus);
        UpdatedAt = now;
    }
}
