namespace RefundSaver.AppStoreSimulator.AppleApi;

/// <summary>
/// A token check's outcome: the caller when the token is valid, else why not. <see cref="ClaimedApp"/>
/// is the app the token names (by its key id) even when it fails, so that the call is still counted for it.
/// </summary>
public sealed record AuthenticationResult(ApiCaller? Caller, string? Failure, Model.SimulatedApp? ClaimedApp)
{
    public static AuthenticationResult Valid(ApiCaller caller) => new(caller, null, caller.App);

    public static AuthenticationResult Invalid(string failure, Model.SimulatedApp? claimedApp = null) => new(null, failure, claimedApp);
}
