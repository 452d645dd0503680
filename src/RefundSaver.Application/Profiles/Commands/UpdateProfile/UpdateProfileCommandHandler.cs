using Mediator;
using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Persistence;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Profiles.Commands.UpdateProfile;

internal sealed class UpdateProfileCommandHandler(IApplicationDbContext db, ProfileRevenue revenue, TimeProvider clock)
    : IRequestHandler<UpdateProfileCommand, Result<ProfileDto>>
{
    public async ValueTask<Result<ProfileDto>> Handle(UpdateProfileCommand request, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.FindBySelectorAsync(request.AppId, request.Selector, cancellationToken);
        if (profile is null)
        {
            return ProfileErrors.NotFound;
        }

        // The token the profile will answer to: the one given, or its id when the token is cleared.
        Guid? claimed = request.Details.AppAccountToken.HasValue ? request.Details.AppAccountToken.Value ?? profile.Id : null;
        if (await IsTakenByAnotherAsync(claimed))
        {
            return ProfileErrors.AppAccountTokenTaken;
        }

        var now = clock.GetUtcNow();
        profile.UpdateDetails(request.Details, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueKeyViolationException)
        {
            // Another profile came to answer to the same token first, after the check above.
            db.Profiles.Entry(profile).State = EntityState.Detached;
            if (await IsTakenByAnotherAsync(claimed))
            {
                return ProfileErrors.AppAccountTokenTaken;
            }

            throw;
        }

        return ProfileDto.From(profile, now, await revenue.TotalUsdAsync(db, profile.Id, cancellationToken));

        Task<bool> IsTakenByAnotherAsync(Guid? token) =>
            token is { } value
                ? db.Profiles.IsTokenTakenAsync(request.AppId, value, profile.Id, cancellationToken)
                : Task.FromResult(false);
    }
}
