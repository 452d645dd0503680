namespace RefundSaver.Application.AppStore.Api;

/// <summary>
/// Encrypts secrets stored in the database (an app's <c>.p8</c> private key) and decrypts them for
/// use. A value that was tampered with, or that no configured key opens, throws; it never decrypts
/// to something else.
/// </summary>
public interface ICredentialProtector
{
    /// <summary>Whether a key is configured; without one, <see cref="Protect"/> throws.</summary>
    bool IsConfigured { get; }

    string Protect(string plaintext);

    string Unprotect(string protectedValue);
}
