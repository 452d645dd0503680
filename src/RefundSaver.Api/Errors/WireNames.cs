using System.Text.Json;
using RefundSaver.Api.Endpoints;

namespace RefundSaver.Api.Errors;

/// <summary>
/// The one place where an error's source becomes the name a client sent. The use cases name inputs
/// by their path in the request record (<c>AppStoreCredentials.Value.KeyId</c>, as FluentValidation
/// does); here each PascalCase segment becomes snake_case, the <c>Value</c> of an optional field
/// goes, and the few inputs that are not body fields get their own names. A segment that already
/// starts in lower case is a wire name (the API's own JSON errors) and stays as it is.
/// </summary>
public static class WireNames
{
    /// <summary>Adapty's source for an error about the request as a whole.</summary>
    public const string NonFieldErrors = "non_field_errors";

    private static readonly Dictionary<string, string> NotBodyFields = new(StringComparer.Ordinal)
    {
        ["Selector.CustomerUserId"] = ProfileRequestHeaders.CustomerUserId,
        ["Selector.ProfileId"] = ProfileRequestHeaders.ProfileId,
        // Apple's own field name in the webhook's body.
        ["SignedPayload"] = "signedPayload",
    };

    public static string Of(string source)
    {
        if (source.Length == 0)
        {
            return NonFieldErrors;
        }

        if (NotBodyFields.TryGetValue(source, out var name))
        {
            return name;
        }

        var segments = source.Split('.').Where(segment => segment != "Value").Select(ToWire);
        return string.Join('.', segments);
    }

    private static string ToWire(string segment) =>
        char.IsUpper(segment[0]) ? JsonNamingPolicy.SnakeCaseLower.ConvertName(segment) : segment;
}
