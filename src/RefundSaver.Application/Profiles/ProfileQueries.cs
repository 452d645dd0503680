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
}
