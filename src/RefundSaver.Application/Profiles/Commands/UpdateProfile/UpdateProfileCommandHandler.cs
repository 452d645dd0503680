using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Messaging;
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
        await db.SaveChangesAsync(cancellationToken);
        return ProfileDto.From(profile, now, await revenue.TotalUsdAsync(db, profile.Id, cancellationToken));
    }
}
