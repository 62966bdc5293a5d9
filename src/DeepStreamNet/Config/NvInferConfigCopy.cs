using System.Text;

namespace DeepStreamNet.Config;

/// <summary>
/// Writes a copy of an nvinfer config into another folder with some <c>[property]</c> keys replaced (or added), every
/// relative path key re-based so it still names the same file from the copy's folder. Comments, groups and the order
/// of the other keys are kept. Used by the model tools (<c>dsnet quantize</c>) to derive a config for a derived model.
/// </summary>
public static class NvInferConfigCopy
{
    private static readonly HashSet<string> PathKeys = new(NvInferSchema.PathKeys, StringComparer.Ordinal);

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
        var sourceDir = Path.GetDirectoryName(Path.GetFullPath(source))!;
        var destDir = Path.GetDirectoryName(Path.GetFullPath(destination))!;
        var b = new StringBuilder();
        if (header is not null)
        {
            foreach (var line in header.Split('\n'))
            {
                b.Append("# ").AppendLine(line);
            }
        }

        string? group = null;
        foreach (var line in File.ReadAllLines(source))
        {
            var t = line.Trim();
            if (t.StartsWith('[') && t.EndsWith(']'))
            {
                group = t[1..^1].Trim();
                b.AppendLine(line);
                if (group == "property")
                {
                    foreach (var (key, value) in overrides.Where(o => o.Value is not null))
                    {
                        b.Append(key).Append('=').AppendLine(value);
                    }
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
            if (group == "property" && overrides.ContainsKey(k))
            {
                continue;
            }

            if (PathKeys.Contains(k) && v.Length > 0 && !Path.IsPathRooted(v) && !IsPluginFolderLibrary(k, v, sourceDir))
            {
                b.Append(k).Append('=').AppendLine(Path.GetRelativePath(destDir, Path.GetFullPath(Path.Combine(sourceDir, v))));
                continue;
            }

            b.AppendLine(line);
        }

        Directory.CreateDirectory(destDir);
        File.WriteAllText(destination, b.ToString());
    }
}
