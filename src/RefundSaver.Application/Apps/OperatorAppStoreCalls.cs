using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.AppStore.Api;
using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.Apps;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.Apps;

/// <summary>An app's calls to the App Store Server API made on an operator's behalf.</summary>
internal static class OperatorAppStoreCalls
{
    private static Result<AppStoreCall> For(App app, AppStoreEnvironment environment, ICredentialProtector protector)
    {
        if (!app.HasAppStoreCredentials)
        {
            return AppErrors.NoAppStoreCredentials;
        }

        try
        {
            var key = protector.Unprotect(app.AppStorePrivateKeyProtected!, CredentialBinding.Of(app));
            return new AppStoreCall(new AppStoreCredentials(app.AppStoreIssuerId!, app.AppStoreKeyId!, key), app.BundleId, environment);
        }
        catch (CryptographicException)
        {
            return AppErrors.CredentialsUnreadable;
        }
    }

    /// <summary>
    /// Calls Apple as the app, in the environment named (else its default); a missing app, missing or
    /// unreadable credentials and a key that cannot sign are the operator's to fix, not server failures.
    /// </summary>
    public static async Task<Result<(AppStoreCall Call, TAnswer Answer)>> CallAsync<TAnswer>(
        IApplicationDbContext db,
        ICredentialProtector protector,
        Guid appId,
        string? environmentName,
        Func<AppStoreCall, Task<TAnswer>> send,
        CancellationToken cancellationToken)
    {
        var app = await db.Apps.AsNoTracking().SingleOrDefaultAsync(app => app.Id == appId, cancellationToken);
        if (app is null)
        {
            return AppErrors.AppNotFound;
        }

        var call = For(app, EnvironmentFor(app, environmentName), protector);
        if (!call.IsSuccess)
        {
            return call.Error;
        }

        try
        {
            return (call.Value, await send(call.Value));
        }
        catch (InvalidAppStoreKeyException exception)
        {
            return new Error(ErrorKind.Unprocessable, "app_store_key_invalid", [new ErrorDetail(nameof(Commands.UpdateApp.UpdateAppCommand.AppStoreCredentials), [exception.Message])]);
        }
    }

    /// <summary>The environment named (validated), else production if the app accepts it, else the sandbox.</summary>
    private static AppStoreEnvironment EnvironmentFor(App app, string? name) =>
        AppStoreEnvironmentNames.TryParse(name, out var named) ? named.Value
        : app.Accepts(AppStoreEnvironment.Production) ? AppStoreEnvironment.Production : AppStoreEnvironment.Sandbox;

    /// <summary>Apple's refusal as an error of ours: the operator sees Apple's status and code.</summary>
    public static Error Refused(AppStoreAnswer answer) => new(
        ErrorKind.Unprocessable,
        "app_store_refused",
        [new ErrorDetail(Error.WholeRequest, [$"The App Store answered {answer.StatusCode?.ToString() ?? answer.Kind.ToString()}"
            + (answer.ErrorCode is { } code ? $" with error {code}" : string.Empty)
            + (string.IsNullOrWhiteSpace(answer.ErrorMessage) ? "." : $": {answer.ErrorMessage}")])]);
}
