using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Apps;

public static class AppErrors
{
    private const string AppStoreCredentials = nameof(Commands.UpdateApp.UpdateAppCommand.AppStoreCredentials);

    public static Error AppNotFound { get; } = Error.NotFound("app_does_not_exist", "App not found");

    public static Error BundleIdTaken { get; } =
        Error.Conflict("app_already_exists", nameof(Commands.CreateApp.CreateAppCommand.BundleId), "An app with this bundle id already exists.");

    /// <summary>The server, not the request, lacks something: the key that seals App Store private keys at rest.</summary>
    public static Error CredentialsKeyMissing { get; } = new(
        ErrorKind.Unprocessable,
        "credentials_key_not_configured",
        [new ErrorDetail(AppStoreCredentials, ["This server cannot store App Store keys: set AppStore:CredentialsKey (base64 of 32 random bytes)."])]);

    public static Error NoAppStoreCredentials { get; } = new(
        ErrorKind.Unprocessable,
        "app_store_credentials_missing",
        [new ErrorDetail(AppStoreCredentials, ["Give the app its App Store Connect API key first (PATCH app_store_credentials)."])]);

    public static Error CredentialsUnreadable { get; } = new(
        ErrorKind.Unprocessable,
        "app_store_credentials_unreadable",
        [new ErrorDetail(AppStoreCredentials, ["The stored key cannot be opened with AppStore:CredentialsKey (was it changed without keeping the old one in AppStore:PreviousCredentialsKeys?), or it was sealed for another app or key id. Give the key again."])]);

    public static Error ApiKeyNotFound { get; } = Error.NotFound("api_key_does_not_exist", "API key not found");
}
