using RefundSaver.AppStoreSimulator.Model;

namespace RefundSaver.AppStoreSimulator.AppleApi;

/// <summary>
/// Endpoint metadata naming the environment a route serves: Production at the root, Sandbox under
/// <c>/sandbox</c>, so that one simulator answers both of Apple's base URLs.
/// </summary>
public sealed record ApiEnvironment(AppStoreEnvironment Environment)
{
    public static AppStoreEnvironment Of(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<ApiEnvironment>()?.Environment
        ?? throw new InvalidOperationException("The endpoint does not say which environment it serves.");
}
