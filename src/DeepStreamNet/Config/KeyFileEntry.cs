namespace DeepStreamNet.Config;

/// <summary>One <c>key=value</c> line of a key file, with the raw (unparsed, unescaped) value and where it came from.</summary>
/// <param name="Key">Key name (case-sensitive, whitespace around it trimmed).</param>
/// <param name="RawValue">Value text after <c>=</c>: leading whitespace trimmed, trailing whitespace kept, escapes not yet applied.</param>
/// <param name="Origin">File path or "command line --set" (what error messages name).</param>
/// <param name="Line">1-based line in <paramref name="Origin"/> (for --set: the 1-based index of that option).</param>
public sealed record KeyFileEntry(string Key, string RawValue, string Origin, int Line)
{
    /// <summary>False when the value's bytes were not valid UTF-8 (invalid bytes read as U+FFFD): GLib keeps such a
    /// value but refuses it as a string, so string, path, URI and string-list keys report it.</summary>
    public bool IsUtf8 { get; init; } = true;
}
