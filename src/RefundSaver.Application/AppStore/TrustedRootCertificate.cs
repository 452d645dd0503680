using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RefundSaver.Application.AppStore;

/// <summary>
/// What a certificate must be to be trusted as a root besides Apple's, whether an app's or the
/// configuration's: one PEM certificate of a certificate authority. A leaf trusted as a root would
/// be a key that signs nothing but is taken as the anchor of every chain built on it.
/// </summary>
public static class TrustedRootCertificate
{
    /// <summary>Why <paramref name="pem"/> cannot be a trusted root, or null when it can.</summary>
    public static string? ProblemWith(string? pem)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException)
        {
            return "is not one PEM certificate (-----BEGIN CERTIFICATE-----)";
        }

        using (certificate)
        {
            if (certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is not { CertificateAuthority: true })
            {
                return $"({certificate.Subject}) is not a certificate authority: it lacks basicConstraints CA=true";
            }

            return certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault() is { } usage
                && !usage.KeyUsages.HasFlag(X509KeyUsageFlags.KeyCertSign)
                    ? $"({certificate.Subject}) is not a certificate authority: its key usage lacks keyCertSign"
                    : null;
        }
    }
}
