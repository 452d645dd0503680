using Mediator;
using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.AppStore.Api;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.Apps.Queries.GetTestNotificationStatus;

/// <summary>Apple's delivery attempts of a TEST notification, and whether our webhook stored one for the app.</summary>
internal sealed class GetTestNotificationStatusQueryHandler(IApplicationDbContext db, IAppStoreApi appStore, ICredentialProtector protector)
    : IRequestHandler<GetTestNotificationStatusQuery, Result<TestNotificationDto>>
{
    public async ValueTask<Result<TestNotificationDto>> Handle(GetTestNotificationStatusQuery request, CancellationToken cancellationToken)
    {
        var sent = await OperatorAppStoreCalls.CallAsync(
            db, protector, request.AppId, request.Environment,
            call => appStore.GetTestNotificationStatusAsync(call, request.Token, cancellationToken), cancellationToken);
        if (!sent.IsSuccess)
        {
            return sent.Error;
        }

        var (call, (answer, status)) = sent.Value;
        if (answer.Kind != AppStoreAnswerKind.Accepted || status is null)
        {
            return OperatorAppStoreCalls.Refused(answer);
        }

        var received = await db.Notifications.AnyAsync(
            notification => notification.AppId == request.AppId && notification.NotificationType == "TEST" && notification.Environment == call.Environment,
            cancellationToken);
        return new TestNotificationDto(
            request.Token,
            call.Environment.ToName(),
            status.Attempts.Select(attempt => new TestNotificationAttemptDto(attempt.AttemptDate, attempt.SendAttemptResult)).ToList(),
            received);
    }
}
