namespace RefundSaver.Infrastructure.AppStore;

/// <summary>
/// What a chain validation depends on: SHA-256 thumbprints of the three x5c certificates (the third
/// only so that a cache hit answers exactly what a fresh validation would) and of the trusted roots.
/// </summary>
internal readonly record struct ChainCacheKey(string Leaf, string Intermediate, string CarriedRoot, string TrustedRoots);
