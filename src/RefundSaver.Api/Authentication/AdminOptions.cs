namespace RefundSaver.Api.Authentication;

/// <summary>Configuration <c>Admin</c>: the operator's access to the admin API.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>32 random bytes in unpadded base64url; padded base64 (<c>openssl rand -base64 32</c>) is 44.</summary>
    public const int MinimumProductionTokenLength = 43;

    public static readonly string Requirements =
        $"Admin:Token is too weak for Production: it must be at least {MinimumProductionTokenLength} characters, "
        + "32 random bytes (make one with 'openssl rand -base64 32'), or empty to disable the admin API.";

    /// <summary>
    /// The admin API's bearer token; empty disables the admin API. In Production it must be at least
    /// as strong as 32 random bytes, as it grants everything; elsewhere (Development, the tests) any will do.
    /// </summary>
    public string? Token { get; set; }

    public static bool IsValid(AdminOptions options, IHostEnvironment environment) =>
        !environment.IsProduction() || string.IsNullOrEmpty(options.Token) || options.Token.Length >= MinimumProductionTokenLength;
}
