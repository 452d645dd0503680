using RefundSaver.Domain.Apps;

namespace RefundSaver.Application.Apps;

public sealed record AppDto(Guid Id, string Name, string BundleId, DateTimeOffset CreatedAt)
{
    public static AppDto From(App app) => new(app.Id, app.Name, app.BundleId, app.CreatedAt);
}
