using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.AppStore.Api;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Messaging;
using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.Apps.Queries.GetTestNotificationStatus;

/// <summary>Apple's delivery attempts of a TEST notification, and whether our webhook stored one for the app.</summary>
internal sealed class GetTestNotificationStatusQueryHandler(IApplicationDbContext db, IAppStoreApi appStore, ICredentialProtector protector)
    : IRequestHandler<GetTestNotificationStatusQuery, Result<TestNotificationDto>>
{
    public async Task<Result<TestNotificationDto>> Handle(GetTestNotificationStatusQuery request, CancellationToken cancellationToken)
    {
        var app = await db.Apps.AsNoTracking().SingleOrDefaultAsync(app => app.Id == request.AppId, cancellationToken);
        if (app is null)
        {
            return AppErrors.AppNotFound;
        }

        var environment = AppStoreCalls.EnvironmentFor(app, request.Environment);
        var call = AppStoreCalls.For(app, environment, protector);
        if (!call.IsSuccess)
        {
            return call.Error;
        }

        var sent = await AppStoreCalls.SendAsync(() => appStore.GetTestNotificationStatusAsync(call.Value, request.Token, cancellationToken));
        if (!sent.IsSuccess)
        {
            return sent.Error;
        }

        var (answer, status) = sent.Value;
        if (answer.Kind != AppStoreAnswerKind.Accepted || status is null)
        {
            return AppStoreCalls.Refused(answer);
        }

        var received = await db.Notifications.AnyAsync(
            notification => notification.AppId == app.Id && notification.NotificationType == "TEST" && notification.Environment == environment,
            cancellationToken);
        return new TestNotificationDto(
            request.Token,
            environment.ToName(),
            status.Attempts.Select(attempt => new TestNotificationAttemptDto(attempt.AttemptDate, attempt.SendAttemptResult)).ToList(),
            received);
    }
}
