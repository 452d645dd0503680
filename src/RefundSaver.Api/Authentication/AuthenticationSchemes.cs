namespace RefundSaver.Api.Authentication;

public static class AuthenticationSchemes
{
    /// <summary><c>Authorization: Api-Key &lt;secret&gt;</c>: an app's backend.</summary>
    public const string ApiKey = "Api-Key";

    /// <summary><c>Authorization: Bearer &lt;admin token&gt;</c>: the operator.</summary>
    public const string AdminToken = "AdminToken";

    public const string AppIdClaim = "app_id";

    public const string NotProvided = "Authentication credentials were not provided.";
}
