using System.Diagnostics.CodeAnalysis;

namespace RefundSaver.Api.Authentication;

internal static class AuthorizationHeader
{
    /// <summary>The credential after "<paramref name="scheme"/> " in the Authorization header, if that is what it holds.</summary>
    public static bool TryGetCredential(HttpRequest request, string scheme, [NotNullWhen(true)] out string? credential)
    {
        credential = null;
        string? header = request.Headers.Authorization;
        if (header is null
            || header.Length <= scheme.Length + 1
            || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            || header[scheme.Length] != ' ')
        {
            return false;
        }

        credential = header[(scheme.Length + 1)..].Trim();
        return credential.Length > 0;
    }
}
