namespace DeepStreamNet.Config;

/// <summary>A key file (or one of its values) could not be read; carries the location for the message.</summary>
public sealed class KeyFileException : Exception
{
    public KeyFileException()
    {
    }

    public KeyFileException(string message)
        : base(message)
    {
    }

    public KeyFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public KeyFileException(string origin, int line, string? group, string? key, string reason)
        : this(origin, line, group, key, reason, null)
    {
    }

    public KeyFileException(string origin, int line, string? group, string? key, string reason, Exception? innerException)
        : base(Format(origin, line, group, key, reason), innerException)
    {
        Origin = origin;
        Line = line;
        Group = group;
        Key = key;
        Reason = reason;
    }

    /// <summary>File path or "command line --set".</summary>
    public string? Origin { get; }

    /// <summary>1-based line, 0 when unknown.</summary>
    public int Line { get; }

    public string? Group { get; }

    public string? Key { get; }

    /// <summary>The message without its location prefix.</summary>
    public string? Reason { get; }

    internal static string Format(string origin, int line, string? group, string? key, string reason)
    {
        var where = line > 0 ? $"{origin}:{line}:" : $"{origin}:";
        var grp = group is null ? "" : $" [{group}]";
        var k = key is null ? "" : $" {key}";
        return group is null && key is null ? $"{where} {reason}" : $"{where}{grp}{k}: {reason}";
    }
}
