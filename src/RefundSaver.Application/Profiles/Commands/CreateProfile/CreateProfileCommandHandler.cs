using Mediator;
using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Persistence;
using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.Application.Profiles.Commands.CreateProfile;

/// <summary>Creating a profile that exists returns it unchanged, so a retried create never makes a duplicate.</summary>
internal sealed class CreateProfileCommandHandler(IApplicationDbContext db, ProfileRevenue revenue, TimeProvider clock)
    : IRequestHandler<CreateProfileCommand, Result<CreatedProfile>>
{
    public async ValueTask<Result<CreatedProfile>> Handle(CreateProfileCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var existing = await db.Profiles.AsNoTracking().FindBySelectorAsync(request.AppId, request.Selector, cancellationToken);
        if (existing is not null)
        {
            return new CreatedProfile(ProfileDto.From(existing, now, await revenue.TotalUsdAsync(db, existing.Id, cancellationToken)), IsNew: false);
        }

        if (request.Selector.ParsedProfileId is { } profileId
            && await db.Profiles.AnyAsync(profile => profile.Id == profileId, cancellationToken))
        {
            return ProfileErrors.ProfileIdTaken;
        }

        var profile = request.Selector.CustomerUserId is { } customerUserId
            ? Profile.CreateForCustomer(request.AppId, customerUserId, now)
            : Profile.CreateWithId(request.AppId, request.Selector.ParsedProfileId!.Value, now);
        profile.UpdateDetails(request.Details, now);
        if (await db.Profiles.IsTokenTakenAsync(request.AppId, profile.AppAccountToken ?? profile.Id, profile.Id, cancellationToken))
        {
            return ProfileErrors.AppAccountTokenTaken;
        }

        db.Profiles.Add(profile);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueKeyViolationException)
        {
            // A concurrent create won a unique key. Of the same profile: answer with that one. Else
            // it took the profile id in another app, or this app account token.
            db.Profiles.Entry(profile).State = EntityState.Detached;
            var winner = await db.Profiles.AsNoTracking().FindBySelectorAsync(request.AppId, request.Selector, cancellationToken);
            if (winner is not null)
            {
                return new CreatedProfile(ProfileDto.From(winner, now, await revenue.TotalUsdAsync(db, winner.Id, cancellationToken)), IsNew: false);
            }

            if (await db.Profiles.IsTokenTakenAsync(request.AppId, profile.AppAccountToken ?? profile.Id, profile.Id, cancellationToken))
            {
                return ProfileErrors.AppAccountTokenTaken;
            }

            if (await db.Profiles.AnyAsync(other => other.Id == profile.Id, cancellationToken))
            {
                return ProfileErrors.ProfileIdTaken;
            }

            throw;
        }

        return new CreatedProfile(ProfileDto.From(profile, now, await revenue.TotalUsdAsync(db, profile.Id, cancellationToken)), IsNew: true);
    }
}
