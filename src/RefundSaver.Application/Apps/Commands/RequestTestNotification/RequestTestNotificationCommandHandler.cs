using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.AppStore.Api;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Messaging;
using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.Apps.Commands.RequestTestNotification;

internal sealed class RequestTestNotificationCommandHandler(IApplicationDbContext db, IAppStoreApi appStore, ICredentialProtector protector)
    : IRequestHandler<RequestTestNotificationCommand, Result<TestNotificationDto>>
{
    public async Task<Result<TestNotificationDto>> Handle(RequestTestNotificationCommand request, CancellationToken cancellationToken)
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

        var sent = await AppStoreCalls.SendAsync(() => appStore.RequestTestNotificationAsync(call.Value, cancellationToken));
        if (!sent.IsSuccess)
        {
            return sent.Error;
        }

        var (answer, token) = sent.Value;
        return answer.Kind == AppStoreAnswerKind.Accepted && token is not null
            ? new TestNotificationDto(token, environment.ToName(), null, null)
            : AppStoreCalls.Refused(answer);
    }
}
