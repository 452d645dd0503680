using Microsoft.Extensions.Logging;

namespace RefundSaver.AppStoreSimulator.Signing;

/// <summary>The chain the simulator signs with, as Apple signs with its own, and its signer.</summary>
public sealed class SigningIdentity(SigningChain chain) : IDisposable
{
    public SigningChain Chain { get; } = chain;

    public JwsSigner Signer { get; } = new(chain);

    /// <summary>
    /// Loads the chain from <paramref name="directory"/>; generates one (and writes it there) when
    /// the files are missing; keeps a generated one in memory when no directory is given.
    /// </summary>
    public static SigningIdentity LoadOrCreate(string? directory, ILogger logger)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            logger.LogInformation("No Simulator:ChainDirectory: signing with a chain generated in memory");
            return new SigningIdentity(SigningChain.Create());
        }

        var fullPath = Path.GetFullPath(directory);
        if (SigningChain.ExistsIn(fullPath))
        {
            logger.LogInformation("Signing with the chain in {ChainDirectory}", fullPath);
            return new SigningIdentity(SigningChain.Load(fullPath));
        }

        var chain = SigningChain.Create();
        chain.Save(fullPath);
        logger.LogInformation("Generated a signing chain and wrote it to {ChainDirectory}", fullPath);
        return new SigningIdentity(chain);
    }

    public void Dispose() => Chain.Dispose();
}
