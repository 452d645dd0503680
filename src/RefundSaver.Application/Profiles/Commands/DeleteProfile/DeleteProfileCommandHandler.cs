using Mediator;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Profiles.Commands.DeleteProfile;

/// <summary>Erasure: the row goes, and with it every copy of the customer's tokens elsewhere (<see cref="IProfileEraser"/>).</summary>
internal sealed class DeleteProfileCommandHandler(IApplicationDbContext db, IProfileEraser eraser, TimeProvider clock)
    : IRequestHandler<DeleteProfileCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(DeleteProfileCommand request, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.FindBySelectorAsync(request.AppId, request.Selector, cancellationToken);
        if (profile is null)
        {
            return ProfileErrors.NotFound;
        }

        await eraser.EraseAsync(profile, clock.GetUtcNow(), cancellationToken);
        return profile.Id;
    }
}
