using Microsoft.EntityFrameworkCore;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.Application.Profiles;

public static class ProfileQueries
{
    /// <summary>
    /// The token a profile answers to: its app account token, or its id when it has none. A column
    /// computed by PostgreSQL, unique per app, so no two profiles of an app ever answer to one token.
    /// </summary>
    public const string EffectiveAppAccountToken = nameof(EffectiveAppAccountToken);

    /// <summary>The app's profile that the (validated) selector names, or null.</summary>
    internal static Task<Profile?> FindBySelectorAsync(
        this IQueryable<Profile> profiles, Guid appId, ProfileSelector selector, CancellationToken cancellationToken)
    {
        var ofApp = profiles.Where(profile => profile.AppId == appId);
        return selector.CustomerUserId is { } customerUserId
            ? ofApp.SingleOrDefaultAsync(profile => profile.CustomerUserId == customerUserId, cancellationToken)
            : ofApp.SingleOrDefaultAsync(profile => profile.Id == selector.ParsedProfileId, cancellationToken);
    }

    /// <summary>Whether another profile of the app already answers to this app account token.</summary>
    internal static Task<bool> IsTokenTakenAsync(
        this IQueryable<Profile> profiles, Guid appId, Guid token, Guid exceptProfileId, CancellationToken cancellationToken) =>
        profiles.AnyAsync(
            profile => profile.AppId == appId && profile.Id != exceptProfileId
                && EF.Property<Guid>(profile, EffectiveAppAccountToken) == token,
            cancellationToken);

    /// <summary>The app's profile that answers to this app account token, or null.</summary>
    public static Task<Profile?> FindByAppAccountTokenAsync(
        this IQueryable<Profile> profiles, Guid appId, Guid token, CancellationToken cancellationToken) =>
        profiles.SingleOrDefaultAsync(
            profile => profile.AppId == appId && EF.Property<Guid>(profile, EffectiveAppAccountToken) == token, cancellationToken);
}
