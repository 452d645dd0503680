using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Apps;

public static class AppErrors
{
    public static Error AppNotFound { get; } = Error.NotFound("app_does_not_exist", "App not found");

    public static Error BundleIdTaken { get; } =
        Error.Conflict("app_already_exists", "bundle_id", "An app with this bundle id already exists.");

    public static Error ApiKeyNotFound { get; } = Error.NotFound("api_key_does_not_exist", "API key not found");
}
