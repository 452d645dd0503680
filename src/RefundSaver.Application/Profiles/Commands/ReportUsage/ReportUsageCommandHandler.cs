using Mediator;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.Consumption;

namespace RefundSaver.Application.Profiles.Commands.ReportUsage;

/// <summary>
/// Loads the profile and applies <see cref="Domain.Profiles.Profile.ReportUsage"/>. Only the columns that
/// changed are written, so concurrent reports of different fields do not undo each other.
/// </summary>
internal sealed class ReportUsageCommandHandler(IApplicationDbContext db, TimeProvider clock)
    : IRequestHandler<ReportUsageCommand, Result<ProfileUsageDto>>
{
    public async ValueTask<Result<ProfileUsageDto>> Handle(ReportUsageCommand request, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.FindBySelectorAsync(request.AppId, request.Selector, cancellationToken);
        if (profile is null)
        {
            return ProfileErrors.NotFound;
        }

        var accountStatus = request.AccountStatus.Map(name =>
            UserStatusNames.TryParse(name, out var parsed) ? parsed : (UserStatus?)null);
        profile.ReportUsage(request.PlayTimeSeconds, accountStatus, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ProfileUsageDto.From(profile);
    }
}
