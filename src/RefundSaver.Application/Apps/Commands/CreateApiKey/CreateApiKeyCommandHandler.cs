using Mediator;
using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Apps.Commands.CreateApiKey;

internal sealed class CreateApiKeyCommandHandler(IApplicationDbContext db, TimeProvider clock)
    : IRequestHandler<CreateApiKeyCommand, Result<CreatedApiKeyDto>>
{
    public async ValueTask<Result<CreatedApiKeyDto>> Handle(CreateApiKeyCommand request, CancellationToken cancellationToken)
    {
        if (!await db.Apps.AnyAsync(app => app.Id == request.AppId, cancellationToken))
        {
            return AppErrors.AppNotFound;
        }

        var name = string.IsNullOrWhiteSpace(request.Name) ? "unnamed" : request.Name.Trim();
        var created = ApiKeyIssuer.Issue(db, request.AppId, name, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return created;
    }
}
