namespace RefundSaver.Api.Authentication;

/// <summary>
/// Configuration <c>Api:FailedAuthentication</c>: how many wrong API keys or admin tokens one client
/// address may present in a window before it is answered 429 until the window ends.
/// </summary>
public sealed class FailedAuthenticationOptions
{
    public const string Section = "Api:FailedAuthentication";

    /// <summary>Failures allowed per client address in a window; the next request is answered 429. 0 turns the limit off.</summary>
    public int PermitLimit { get; set; } = 20;

    /// <summary>The window's length, from an address's first failure.</summary>
    public int WindowSeconds { get; set; } = 60;

    /// <summary>How many addresses are tracked at once; beyond it, new addresses go uncounted until old ones expire.</summary>
    public int TrackedAddresses { get; set; } = 100_000;
}
