namespace RefundSaver.Infrastructure.AppStore.Api;

/// <summary>Configuration <c>AppStore</c>: where the App Store Server API is, and how the client calls it.</summary>
internal sealed class AppStoreApiOptions
{
    public const string Section = "AppStore";

    public const string Requirements =
        "AppStore:ProductionBaseUrl and AppStore:SandboxBaseUrl must be absolute http(s) URLs; AppStore:Client:AttemptTimeoutSeconds "
        + "must be between 0.01 and 300, MaxInlineRetryAfterSeconds between 0 and 60, RetryBaseDelayMilliseconds between 0 and 10000.";

    /// <summary>May carry a path prefix (a local stand-in's <c>http://127.0.0.1:5300/production</c>, say): it is kept.</summary>
    public string ProductionBaseUrl { get; set; } = "https://api.storekit.apple.com";

    public string SandboxBaseUrl { get; set; } = "https://api.storekit-sandbox.apple.com";

    public AppStoreClientOptions Client { get; set; } = new();

    public static bool IsValid(AppStoreApiOptions options) =>
        IsHttpUrl(options.ProductionBaseUrl)
        && IsHttpUrl(options.SandboxBaseUrl)
        && options.Client.AttemptTimeoutSeconds is >= 0.01 and <= 300
        && options.Client.MaxInlineRetryAfterSeconds is >= 0 and <= 60
        && options.Client.RetryBaseDelayMilliseconds is >= 0 and <= 10_000;

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
