using RefundSaver.Application.Common.Results;
using RefundSaver.Application.Profiles;

namespace RefundSaver.Api.Endpoints;

/// <summary>How the server-side API names a request's profile: one of two headers, as Adapty's does.</summary>
public static class ProfileRequestHeaders
{
    public const string CustomerUserId = "adapty-customer-user-id";
    public const string ProfileId = "adapty-profile-id";

    /// <summary>The profile header as sent, or the error when neither or both are there; its value is the use case's to check.</summary>
    public static Result<ProfileSelector> ReadSelector(this HttpRequest request)
    {
        var (customerUserId, profileId) = (Header(request, CustomerUserId), Header(request, ProfileId));
        return (customerUserId, profileId) switch
        {
            (null, null) => Error.Validation(Error.WholeRequest, $"Either the {CustomerUserId} or the {ProfileId} header is required."),
            (not null, not null) => Error.Validation(Error.WholeRequest, $"Give only one of the {CustomerUserId} and {ProfileId} headers, not both."),
            _ => new ProfileSelector(customerUserId, profileId),
        };
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;
}
