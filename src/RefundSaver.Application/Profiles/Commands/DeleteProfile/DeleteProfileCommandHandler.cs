using Mediator;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Profiles.Commands.DeleteProfile;

/// <summary>Erasure: the row goes, and with it every personal detail and setting it held.</summary>
internal sealed class DeleteProfileCommandHandler(IApplicationDbContext db)
    : IRequestHandler<DeleteProfileCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(DeleteProfileCommand request, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.FindBySelectorAsync(request.AppId, request.Selector, cancellationToken);
        if (profile is null)
        {
            return ProfileErrors.NotFound;
        }

        db.Profiles.Remove(profile);
        await db.SaveChangesAsync(cancellationToken);
        return profile.Id;
    }
}
