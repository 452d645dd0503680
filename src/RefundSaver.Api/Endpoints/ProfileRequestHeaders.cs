using RefundSaver.Application.Profiles;

namespace RefundSaver.Api.Endpoints;

internal static class ProfileRequestHeaders
{
    /// <summary>The profile headers as sent; whether exactly one is there is the use case's validation.</summary>
    public static ProfileSelector ReadSelector(this HttpRequest request) => new(
        Header(request, ProfileSelector.CustomerUserIdHeader),
        Header(request, ProfileSelector.ProfileIdHeader));

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;
}
