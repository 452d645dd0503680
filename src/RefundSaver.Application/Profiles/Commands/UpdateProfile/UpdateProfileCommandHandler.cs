using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Messaging;
using RefundSaver.Application.Common.Persistence;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Profiles.Commands.UpdateProfile;

internal sealed class UpdateProfileCommandHandler(IApplicationDbContext db, ProfileRevenue revenue, TimeProvider clock)
    : IRequestHandler<UpdateProfileCommand, Result<ProfileDto>>
{
    public async Task<Result<ProfileDto>> Handle(UpdateProfileCommand request, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.FindBySelectorAsync(request.AppId, request.Selector, cancellationToken);
        if (profile is null)
        {
            return ProfileErrors.NotFound;
        }

        if (request.Details.AppAccountToken.GetValueOr(null) is { } token
            && await db.Profiles.IsTokenTakenAsync(request.AppId, token, profile.Id, cancellationToken))
        {
            return ProfileErrors.AppAccountTokenTaken;
        }

        var now = clock.GetUtcNow();
        profile.UpdateDetails(request.Details, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // A concurrent update gave the same app account token to another profile first.
            db.Profiles.Entry(profile).State = EntityState.Detached;
            if (request.Details.AppAccountToken.GetValueOr(null) is { } claimed
                && await db.Profiles.IsTokenTakenAsync(request.AppId, claimed, profile.Id, cancellationToken))
            {
                return ProfileErrors.AppAccountTokenTaken;
            }

            throw;
        }

        return ProfileDto.From(profile, now, await revenue.TotalUsdAsync(db, profile.Id, cancellationToken));
    }
}
