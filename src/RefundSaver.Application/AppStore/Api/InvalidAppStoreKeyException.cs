namespace RefundSaver.Application.AppStore.Api;

/// <summary>
/// An app's App Store private key cannot sign: not a PEM/PKCS#8 EC key, or not on P-256. The
/// message says what is wrong and never holds the key.
/// </summary>
public sealed class InvalidAppStoreKeyException : Exception
{
    public InvalidAppStoreKeyException()
        : this("The App Store private key is invalid.")
    {
    }

    public InvalidAppStoreKeyException(string message)
        : base(message)
    {
    }

    public InvalidAppStoreKeyException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
