using Microsoft.EntityFrameworkCore;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.Application.Profiles;

internal static class ProfileQueries
{
    /// <summary>The app's profile that the (validated) selector names, or null.</summary>
    public static Task<Profile?> FindBySelectorAsync(
        this IQueryable<Profile> profiles, Guid appId, ProfileSelector selector, CancellationToken cancellationToken)
    {
        var ofApp = profiles.Where(profile => profile.AppId == appId);
        return selector.CustomerUserId is { } customerUserId
            ? ofApp.SingleOrDefaultAsync(profile => profile.CustomerUserId == customerUserId, cancellationToken)
            : ofApp.SingleOrDefaultAsync(profile => profile.Id == selector.ParsedProfileId, cancellationToken);
    }

    /// <summary>Whether another profile of the app already answers to this app account token.</summary>
    public static Task<bool> IsTokenTakenAsync(
        this IQueryable<Profile> profiles, Guid appId, Guid token, Guid exceptProfileId, CancellationToken cancellationToken) =>
        profiles.AnyAsync(
            profile => profile.AppId == appId && profile.Id != exceptProfileId
                && (profile.AppAccountToken == token || (profile.AppAccountToken == null && profile.Id == token)),
            cancellationToken);
}
