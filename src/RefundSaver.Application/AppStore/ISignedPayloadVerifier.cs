namespace RefundSaver.Application.AppStore;

/// <summary>
/// Verifies a JWS signed by the App Store (a notification's <c>signedPayload</c>, or the
/// <c>signedTransactionInfo</c> / <c>signedRenewalInfo</c> inside it): ES256 only, an x5c chain of
/// exactly three certificates that builds to a configured trust root (never to the root the message
/// carries), Apple's OIDs on the leaf and the intermediate, then the signature. A payload under a
/// root other than Apple's is accepted only when it says Sandbox, unless the operator opted in.
/// </summary>
public interface ISignedPayloadVerifier
{
    /// <param name="signedPayload">The compact JWS.</param>
    /// <param name="extraTrustedRoots">DER certificates trusted besides Apple Root CA - G3 (test environments).</param>
    SignedPayloadVerification Verify(string signedPayload, IReadOnlyList<byte[]> extraTrustedRoots);
}
