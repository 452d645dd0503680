using System.Security.Cryptography;
using RefundSaver.AppStoreSimulator.Signing;

namespace RefundSaver.Bench;

/// <summary>
/// A test signing chain on disk, so the API can be started trusting its root before the load
/// generator signs with its leaf: root.pem, leaf.der, intermediate.der, root.der, leaf.key (PKCS#8).
/// </summary>
internal static class ChainFiles
{
    public static int Write(string directory)
    {
        Directory.CreateDirectory(directory);
        using var chain = SigningChain.Create();
        File.WriteAllText(Path.Combine(directory, "root.pem"), chain.Root.ExportCertificatePem() + "\n");
        File.WriteAllBytes(Path.Combine(directory, "leaf.der"), chain.Leaf.RawData);
        File.WriteAllBytes(Path.Combine(directory, "intermediate.der"), chain.Intermediate.RawData);
        File.WriteAllBytes(Path.Combine(directory, "root.der"), chain.Root.RawData);
        File.WriteAllBytes(Path.Combine(directory, "leaf.key"), chain.LeafKey.ExportPkcs8PrivateKey());
        Console.WriteLine($"Wrote a test chain to {directory} (trust {Path.Combine(directory, "root.pem")}).");
        return 0;
    }

    public static string RootPem(string directory) => File.ReadAllText(Path.Combine(directory, "root.pem"));

    public static JwsSigner Signer(string directory)
    {
        var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(File.ReadAllBytes(Path.Combine(directory, "leaf.key")), out _);
        byte[][] x5c =
        [
            File.ReadAllBytes(Path.Combine(directory, "leaf.der")),
            File.ReadAllBytes(Path.Combine(directory, "intermediate.der")),
            File.ReadAllBytes(Path.Combine(directory, "root.der")),
        ];
        return new JwsSigner(key, x5c);
    }
}
