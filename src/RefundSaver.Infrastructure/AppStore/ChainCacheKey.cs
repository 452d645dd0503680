namespace RefundSaver.Infrastructure.AppStore;

/// <summary>
/// What a chain validation depends on: the JWS header exactly as sent (its <c>alg</c> and the three
/// x5c certificates in full, so it names the leaf more strictly than a thumbprint would) and the
/// SHA-256 thumbprints of the caller's extra trusted roots.
/// </summary>
internal readonly record struct ChainCacheKey(string Header, string TrustedRoots);
