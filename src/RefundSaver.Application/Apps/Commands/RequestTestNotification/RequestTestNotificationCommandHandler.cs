using Mediator;
using RefundSaver.Application.AppStore.Api;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.Apps.Commands.RequestTestNotification;

internal sealed class RequestTestNotificationCommandHandler(IApplicationDbContext db, IAppStoreApi appStore, ICredentialProtector protector)
    : IRequestHandler<RequestTestNotificationCommand, Result<TestNotificationDto>>
{
    public async ValueTask<Result<TestNotificationDto>> Handle(RequestTestNotificationCommand request, CancellationToken cancellationToken)
    {
        var sent = await OperatorAppStoreCalls.CallAsync(
            db, protector, request.AppId, request.Environment, call => appStore.RequestTestNotificationAsync(call, cancellationToken), cancellationToken);
        if (!sent.IsSuccess)
        {
            return sent.Error;
        }

        var (call, (answer, token)) = sent.Value;
        return answer.Kind == AppStoreAnswerKind.Accepted && token is not null
            ? new TestNotificationDto(token, call.Environment.ToName(), null, null)
            : OperatorAppStoreCalls.Refused(answer);
    }
}
