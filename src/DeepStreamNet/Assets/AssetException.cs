namespace DeepStreamNet.Assets;

/// <summary>An asset could not be read, verified or obtained; the message says which and why.</summary>
public sealed class AssetException : Exception
{
    public AssetException()
    {
    }

    public AssetException(string message)
        : base(message)
    {
    }

    public AssetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
