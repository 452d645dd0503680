using Mediator;
using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.Common;

namespace RefundSaver.Application.Profiles.Commands.ReportUsage;

/// <summary>
/// The backend reports a customer's total play time and account status, which Apple's
/// <c>playTime</c> and <c>userStatus</c> are computed from: a left-out field is kept, an explicit null forgets it.
/// </summary>
public sealed record ReportUsageCommand(
    Guid AppId,
    ProfileSelector Selector,
    Optional<long?> PlayTimeSeconds,
    Optional<string?> AccountStatus) : IRequest<Result<ProfileUsageDto>>, IProfileRequest;
