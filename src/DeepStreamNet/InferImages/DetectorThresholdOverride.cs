using System.Globalization;
using System.Text;

namespace DeepStreamNet.InferImages;

/// <summary>
/// Writes a copy of an nvinfer config whose <c>pre-cluster-threshold</c> is <c>T</c> in every <c>[class-attrs-*]</c>
/// group (added to <c>[class-attrs-all]</c> when absent) and whose relative path keys are made absolute against the
/// original's folder — so a detector can be run at a lower threshold (for AP over the whole precision/recall curve)
/// without editing the shipped config.
/// </summary>
internal static class DetectorThresholdOverride
{
    private static readonly HashSet<string> PathKeys = new(StringComparer.Ordinal)
    {
        "model-engine-file", "int8-calib-file", "tlt-encoded-model", "onnx-file", "uff-file", "model-file", "proto-file",
        "custom-lib-path", "mean-file", "labelfile-path",
    };

    /// <summary>A bare custom-lib-path name not beside the config (libdsnet_parsers.so): dsnetinfer finds it next to its plugin.</summary>
    private static bool IsPluginFolderLibrary(string key, string value, string dir) =>
        key == "custom-lib-path" && !value.Contains('/', StringComparison.Ordinal) && !File.Exists(Path.Combine(dir, value));

    /// <summary>Writes the copy into <paramref name="outputDirectory"/>; returns its path.</summary>
    public static string Write(string inferConfig, float threshold, string outputDirectory)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(inferConfig))!;
        var value = threshold.ToString("0.######", CultureInfo.InvariantCulture);
        var b = new StringBuilder();
        string? group = null;
        var wroteAll = false;
        var lines = File.ReadAllLines(inferConfig);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var t = line.Trim();
            if (t.StartsWith('[') && t.EndsWith(']'))
            {
                group = t[1..^1].Trim();
                b.AppendLine(line);
                if (group == "class-attrs-all")
                {
                    b.Append("pre-cluster-threshold=").AppendLine(value);
                    wroteAll = true;
                }

                continue;
            }

            var eq = t.IndexOf('=', StringComparison.Ordinal);
            if (t.Length == 0 || t[0] is '#' or ';' || eq < 0)
            {
                b.AppendLine(line);
                continue;
            }

            var key = t[..eq].Trim();
            var val = t[(eq + 1)..].Trim();
            if (group is not null && group.StartsWith("class-attrs-", StringComparison.Ordinal) && key == "pre-cluster-threshold")
            {
                if (group != "class-attrs-all")
                {
                    b.Append("pre-cluster-threshold=").AppendLine(value);
                }

                continue;
            }

            if (PathKeys.Contains(key) && val.Length > 0 && !Path.IsPathRooted(val) && !IsPluginFolderLibrary(key, val, dir))
            {
                b.Append(key).Append('=').AppendLine(Path.GetFullPath(Path.Combine(dir, val)));
                continue;
            }

            b.AppendLine(line);
        }

        if (!wroteAll)
        {
            b.AppendLine("[class-attrs-all]").Append("pre-cluster-threshold=").AppendLine(value);
        }

        Directory.CreateDirectory(outputDirectory);
        var path = Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(inferConfig) + ".threshold-" + value + ".txt");
        File.WriteAllText(path, b.ToString());
        return path;
    }
}
