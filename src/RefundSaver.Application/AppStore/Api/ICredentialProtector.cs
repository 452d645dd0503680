namespace RefundSaver.Application.AppStore.Api;

/// <summary>
/// Encrypts secrets stored in the database (an app's <c>.p8</c> private key) and decrypts them for
/// use. A value that was tampered with, that no configured key opens, or that belongs to another
/// app or key id (<see cref="CredentialBinding"/>) throws; it never decrypts to something else.
/// </summary>
public interface ICredentialProtector
{
    /// <summary>Whether a key is configured; without one, <see cref="Protect"/> throws.</summary>
    bool IsConfigured { get; }

    string Protect(string plaintext, CredentialBinding binding);

    string Unprotect(string protectedValue, CredentialBinding binding);

    /// <summary>Whether a value is in the current, bound format; an older one is to be sealed again.</summary>
    bool IsCurrentFormat(string protectedValue);
}
