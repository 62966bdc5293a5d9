namespace DeepStreamNet.BindGen.Config;

/// <summary>A user-facing generator error: bad configuration, unparsable header, unmappable declaration.</summary>
public sealed class BindGenException : Exception
{
    public BindGenException()
    {
    }

    public BindGenException(string message)
        : base(message)
    {
    }

    public BindGenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
