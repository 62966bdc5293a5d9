using System.Text;

namespace DeepStreamNet.Config;

/// <summary>
/// Writes a copy of an nvinfer config into another folder with some keys replaced, dropped or added, every relative
/// path key re-based so it still names the same file from the copy (relative to the copy's folder, or absolute).
/// Comments, groups and the order of the other keys are kept. Used by the model tools (<c>dsnet quantize</c>, the
/// batched detector copies) and by <c>infer-images --score-threshold</c>.
/// </summary>
public static class NvInferConfigCopy
{
    private static readonly HashSet<string> PathKeys = new(NvInferSchema.PathKeys, StringComparer.Ordinal);

    /// <summary>What to do with one <c>key=value</c> line of group <c>group</c> (null before the first group):
    /// null keeps it (path keys re-based), <c>""</c> drops it, anything else replaces the line.</summary>
    public delegate string? KeyRewrite(string? group, string key, string value);

    /// <summary>A bare custom-lib-path name not beside the config (libdsnet_parsers.so): dsnetinfer finds it next to its plugin.</summary>
    public static bool IsPluginFolderLibrary(string key, string value, string directory) =>
        key == "custom-lib-path" && !value.Contains('/', StringComparison.Ordinal) && !File.Exists(Path.Combine(directory, value));

    /// <summary>
    /// Copies <paramref name="source"/> to <paramref name="destination"/>; <paramref name="overrides"/> maps a
    /// <c>[property]</c> key to its new value (paths absolute or relative to the destination's folder; null removes the key).
    /// A comment line <paramref name="header"/> goes first when given.
    /// </summary>
    public static void Write(string source, string destination, IReadOnlyDictionary<string, string?> overrides, string? header = null)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var text = Rewrite(
            source,
            Path.GetDirectoryName(Path.GetFullPath(destination))!,
            afterHeader: group => group == "property" ? overrides.Where(o => o.Value is not null).Select(o => $"{o.Key}={o.Value}") : [],
            rewrite: (group, key, _) => group == "property" && overrides.ContainsKey(key) ? string.Empty : null);
        var b = new StringBuilder();
        foreach (var line in header?.Split('\n') ?? [])
        {
            b.Append("# ").AppendLine(line);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        File.WriteAllText(destination, b.Append(text).ToString());
    }

    /// <summary>
    /// The text of <paramref name="source"/> rewritten line by line: <paramref name="afterHeader"/> gives lines to add
    /// after each group header, <paramref name="rewrite"/> decides each key line, and relative path keys are re-based
    /// relative to <paramref name="relativeTo"/> (null: made absolute).
    /// </summary>
    public static string Rewrite(string source, string? relativeTo, Func<string, IEnumerable<string>> afterHeader, KeyRewrite rewrite)
    {
        ArgumentNullException.ThrowIfNull(afterHeader);
        ArgumentNullException.ThrowIfNull(rewrite);
        var sourceDir = Path.GetDirectoryName(Path.GetFullPath(source))!;
        var b = new StringBuilder();
        string? group = null;
        foreach (var line in File.ReadAllLines(source))
        {
            var t = line.Trim();
            if (t.StartsWith('[') && t.EndsWith(']'))
            {
                group = t[1..^1].Trim();
                b.AppendLine(line);
                foreach (var added in afterHeader(group))
                {
                    b.AppendLine(added);
                }

                continue;
            }

            var eq = t.IndexOf('=', StringComparison.Ordinal);
            if (t.Length == 0 || t[0] is '#' or ';' || eq < 0)
            {
                b.AppendLine(line);
                continue;
            }

            var k = t[..eq].Trim();
            var v = t[(eq + 1)..].Trim();
            switch (rewrite(group, k, v))
            {
                case { Length: 0 }:
                    continue;
                case { } replaced:
                    b.AppendLine(replaced);
                    continue;
            }

            if (PathKeys.Contains(k) && v.Length > 0 && !Path.IsPathRooted(v) && !IsPluginFolderLibrary(k, v, sourceDir))
            {
                var full = Path.GetFullPath(Path.Combine(sourceDir, v));
                b.Append(k).Append('=').AppendLine(relativeTo is null ? full : Path.GetRelativePath(relativeTo, full));
                continue;
            }

            b.AppendLine(line);
        }

        return b.ToString();
    }
}
