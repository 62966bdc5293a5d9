namespace DeepStreamNet.Datasets.Mat;

/// <summary>A MAT file is not a readable MATLAB v5 file; the message names the file and the byte offset.</summary>
public sealed class MatFormatException : Exception
{
    public MatFormatException()
    {
    }

    public MatFormatException(string message)
        : base(message)
    {
    }

    public MatFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
