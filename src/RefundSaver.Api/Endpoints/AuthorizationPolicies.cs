namespace RefundSaver.Api.Endpoints;

public static class AuthorizationPolicies
{
    public const string AppBackend = "AppBackend";
    public const string Admin = "Admin";
}
