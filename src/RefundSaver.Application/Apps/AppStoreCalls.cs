using System.Security.Cryptography;
using RefundSaver.Application.AppStore.Api;
using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.Apps;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.Apps;

/// <summary>An app's calls to the App Store Server API made on an operator's behalf.</summary>
internal static class AppStoreCalls
{
    public static Result<AppStoreCall> For(App app, AppStoreEnvironment environment, ICredentialProtector protector)
    {
        if (!app.HasAppStoreCredentials)
        {
            return AppErrors.NoAppStoreCredentials;
        }

        try
        {
            var key = protector.Unprotect(app.AppStorePrivateKeyProtected!);
            return new AppStoreCall(new AppStoreCredentials(app.AppStoreIssuerId!, app.AppStoreKeyId!, key), app.BundleId, environment);
        }
        catch (CryptographicException)
        {
            return AppErrors.CredentialsUnreadable;
        }
    }

    /// <summary>Calls Apple; a key that cannot sign is the operator's to fix, not a server failure.</summary>
    public static async Task<Result<TAnswer>> SendAsync<TAnswer>(Func<Task<TAnswer>> call)
    {
        try
        {
            return await call();
        }
        catch (InvalidAppStoreKeyException exception)
        {
            return new Error(ErrorKind.Unprocessable, "app_store_key_invalid", [new ErrorDetail("app_store_credentials", [exception.Message])]);
        }
    }

    /// <summary>The environment named (validated), else production if the app accepts it, else the sandbox.</summary>
    public static AppStoreEnvironment EnvironmentFor(App app, string? name) =>
        AppStoreEnvironmentNames.TryParse(name, out var named) ? named.Value
        : app.Accepts(AppStoreEnvironment.Production) ? AppStoreEnvironment.Production : AppStoreEnvironment.Sandbox;

    /// <summary>Apple's refusal as an error of ours: the operator sees Apple's status and code.</summary>
    public static Error Refused(AppStoreAnswer answer) => new(
        ErrorKind.Unprocessable,
        "app_store_refused",
        [new ErrorDetail(Error.NonFieldErrors, [$"The App Store answered {answer.StatusCode?.ToString() ?? answer.Kind.ToString()}"
            + (answer.ErrorCode is { } code ? $" with error {code}" : string.Empty)
            + (string.IsNullOrWhiteSpace(answer.ErrorMessage) ? "." : $": {answer.ErrorMessage}")])]);
}
