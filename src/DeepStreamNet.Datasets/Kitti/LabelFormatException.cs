namespace DeepStreamNet.Datasets.Kitti;

/// <summary>A label or annotation file could not be read; the message names the file and, where known, the line.</summary>
public sealed class LabelFormatException : Exception
{
    public LabelFormatException()
    {
    }

    public LabelFormatException(string message)
        : base(message)
    {
    }

    public LabelFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LabelFormatException(string path, int line, string message)
        : base(line > 0 ? $"{path}:{line}: {message}" : $"{path}: {message}")
    {
        Path = path;
        Line = line;
    }

    public string? Path { get; }

    public int Line { get; }
}
