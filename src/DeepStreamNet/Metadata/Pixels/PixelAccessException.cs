namespace DeepStreamNet.Metadata;

/// <summary>Frame pixels cannot be read from a buffer; the message says why and what to change.</summary>
public sealed class PixelAccessException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public PixelAccessException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PixelAccessException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public PixelAccessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
