using System.Security.Cryptography;

namespace RefundSaver.Infrastructure.AppStore;

/// <summary>
/// A certificate chain that validated: the leaf's public key, the span in which every certificate
/// of the chain is valid (a cached chain is only reused for payloads signed inside it), and whether
/// Apple Root CA - G3 anchors it (any other root is trusted for Sandbox payloads only, unless the
/// operator opts in), known once per chain rather than looked up per payload.
/// </summary>
/// <remarks>
/// The key is shared by concurrent verifications: verifying with a public key keeps no state in the
/// object (each call makes its own OpenSSL context). It is never disposed, as another thread may
/// still hold it when the entry leaves the cache; the finalizer frees it.
/// </remarks>
internal sealed record ValidatedChain(ECDsa LeafKey, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil, bool AnchoredAtApple)
{
    public bool IsValidAt(DateTimeOffset time) => time >= ValidFrom && time <= ValidUntil;
}
