using Mediator;
using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.AppStore;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.Apps;

namespace RefundSaver.Application.Apps.Commands.CreateApp;

internal sealed class CreateAppCommandHandler(IApplicationDbContext db, WebhookAppCache webhookApps, TimeProvider clock)
    : IRequestHandler<CreateAppCommand, Result<CreatedAppDto>>
{
    public async ValueTask<Result<CreatedAppDto>> Handle(CreateAppCommand request, CancellationToken cancellationToken)
    {
        var bundleId = request.BundleId!.Trim();
        if (await db.Apps.AnyAsync(app => app.BundleId == bundleId, cancellationToken))
        {
            return AppErrors.BundleIdTaken;
        }

        var now = clock.GetUtcNow();
        var app = App.Create(request.Name!, bundleId, now);
        db.Apps.Add(app);
        var apiKey = ApiKeyIssuer.Issue(db, app.Id, "default", now);
        await db.SaveChangesAsync(cancellationToken);
        // Its bundle id may already be arriving at the webhook.
        webhookApps.Forget();
        return new CreatedAppDto(AppDto.From(app), apiKey);
    }
}
