namespace DeepStreamNet.Datasets.Limits;

/// <summary>
/// Resolves a file name taken from an annotation (JSON <c>FileName</c>, VOC <c>&lt;filename&gt;</c>, MAT image names,
/// FDDB/WIDER list entries) inside the dataset folder it belongs to. Absolute paths, <c>..</c> that climbs out of the
/// folder and control characters are refused, so an annotation can never make the tools read <c>/etc/passwd</c> or
/// <c>/dev/zero</c>.
/// </summary>
public static class DatasetPath
{
    /// <summary>The full path of <paramref name="name"/> inside <paramref name="folder"/>, or null with the reason.</summary>
    public static string? ResolveInside(string folder, string name, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(name);
        reason = null;
        if (name.Length == 0)
        {
            reason = "empty file name";
            return null;
        }

        if (name.Any(char.IsControl))
        {
            reason = $"file name '{Printable(name)}' has control characters";
            return null;
        }

        if (Path.IsPathRooted(name))
        {
            reason = $"file name '{name}' is an absolute path; annotations may only name files inside {folder}";
            return null;
        }

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var full = Path.GetFullPath(Path.Combine(root, name));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            reason = $"file name '{name}' points outside {root}";
            return null;
        }

        return full;
    }

    private static string Printable(string s) => string.Concat(s.Select(c => char.IsControl(c) ? $"\\x{(int)c:x2}" : c.ToString()));
}
