namespace DeepStreamNet.Config;

/// <summary>deepstream-app's path rules: a relative path is appended to the config file's absolute folder
/// (no normalisation); only the part after <c>file://</c> of a URI is resolved.</summary>
public static class ConfigPaths
{
    public static string Resolve(string value, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        if (value.Length == 0 || value.StartsWith('/'))
        {
            return value;
        }

        return baseDirectory.EndsWith('/') ? baseDirectory + value : baseDirectory + "/" + value;
    }

    public static string ResolveUri(string value, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(value);
        const string prefix = "file://";
        return value.StartsWith(prefix, StringComparison.Ordinal) ? prefix + Resolve(value[prefix.Length..], baseDirectory) : value;
    }

    /// <summary>The local file a <c>file:</c> URI names (<c>file:///a</c>, <c>file:/a</c>), or null for other schemes.</summary>
    public static string? LocalFileOf(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.StartsWith("file://", StringComparison.Ordinal))
        {
            var rest = uri[7..];
            return Uri.UnescapeDataString(rest.StartsWith('/') ? rest : "/" + rest[(rest.IndexOf('/', StringComparison.Ordinal) + 1)..]);
        }

        if (uri.StartsWith("file:/", StringComparison.Ordinal))
        {
            return Uri.UnescapeDataString(uri[5..]);
        }

        return null;
    }
}
