using RefundSaver.Domain.Apps;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.Apps;

public sealed record AppDto(
    Guid Id,
    string Name,
    string BundleId,
    long? AppleAppId,
    IReadOnlyList<string> Environments,
    IReadOnlyList<string> ExtraTrustedRoots,
    DateTimeOffset CreatedAt)
{
    public static AppDto From(App app) => new(
        app.Id,
        app.Name,
        app.BundleId,
        app.AppleAppId,
        Enum.GetValues<AppStoreEnvironment>().Where(app.Accepts).Select(environment => environment.ToName()).ToList(),
        app.ExtraTrustedRoots,
        app.CreatedAt);
}
