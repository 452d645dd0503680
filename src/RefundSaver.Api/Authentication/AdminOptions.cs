using System.Net;

namespace RefundSaver.Api.Authentication;

/// <summary>Configuration <c>Admin</c>: the operator's access to the admin API.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>32 random bytes in unpadded base64url; padded base64 (<c>openssl rand -base64 32</c>) is 44.</summary>
    public const int MinimumProductionTokenLength = 43;

    /// <summary>Random tokens of that length use many characters (hex: 16); a repeated pattern does not.</summary>
    public const int MinimumProductionDistinctCharacters = 12;

    /// <summary>Longer presented tokens are refused unread; longer configured ones refused at start.</summary>
    public const int MaximumTokenLength = 1024;

    public static readonly string Requirements =
        $"Admin:Token is too weak for Production: it must be at least {MinimumProductionTokenLength} characters "
        + $"(at most {MaximumTokenLength}) with at least {MinimumProductionDistinctCharacters} different ones, "
        + "32 random bytes (make one with 'openssl rand -base64 32'), or empty to disable the admin API.";

    public const string NetworkRequirements =
        "Admin:AllowedNetworks must hold CIDR blocks such as '10.0.0.0/8' or '::1/128', and Admin:Port a port number (1 to 65535).";

    /// <summary>
    /// The admin API's bearer token; empty disables the admin API. In Production it must be at least
    /// as strong as 32 random bytes, as it grants everything; elsewhere (Development, the tests) any will do.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>
    /// When set, the admin API answers only on connections to this local port (one the server listens on,
    /// e.g. in ASPNETCORE_URLS), and 404 on the others, the public one that Apple's webhook uses among them.
    /// </summary>
    public int? Port { get; set; }

    /// <summary>When not empty, the admin API answers only clients whose address is in one of these CIDR blocks, and 404 to others.</summary>
    public IList<string> AllowedNetworks { get; } = [];

    public static bool IsValid(AdminOptions options, IHostEnvironment environment) =>
        !environment.IsProduction() || string.IsNullOrEmpty(options.Token) || IsStrong(options.Token);

    public static bool HasValidAccessRules(AdminOptions options) =>
        options.Port is null or (> IPEndPoint.MinPort and <= IPEndPoint.MaxPort)
        && options.AllowedNetworks.All(network => IPNetwork.TryParse(network, out _));

    /// <summary>The blocks of <see cref="AllowedNetworks"/>; call only on options that passed <see cref="HasValidAccessRules"/>.</summary>
    public IEnumerable<IPNetwork> Networks() => AllowedNetworks.Select(network => IPNetwork.Parse(network));

    private static bool IsStrong(string token) =>
        token.Length is >= MinimumProductionTokenLength and <= MaximumTokenLength
        && token.Distinct().Count() >= MinimumProductionDistinctCharacters;
}
