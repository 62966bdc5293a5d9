using System.Globalization;
using DeepStreamNet.Config;

namespace DeepStreamNet.InferImages;

/// <summary>
/// Writes a copy of an nvinfer config whose <c>pre-cluster-threshold</c> is <c>T</c> in every <c>[class-attrs-*]</c>
/// group (added to <c>[class-attrs-all]</c> when absent) and whose relative path keys are made absolute against the
/// original's folder — so a detector can be run at a lower threshold (for AP over the whole precision/recall curve)
/// without editing the shipped config.
/// </summary>
internal static class DetectorThresholdOverride
{
    /// <summary>Writes the copy into <paramref name="outputDirectory"/>; returns its path.</summary>
    public static string Write(string inferConfig, float threshold, string outputDirectory)
    {
        var value = threshold.ToString("0.######", CultureInfo.InvariantCulture);
        var line = "pre-cluster-threshold=" + value;
        var wroteAll = false;
        var text = NvInferConfigCopy.Rewrite(
            inferConfig,
            relativeTo: null,
            afterHeader: group =>
            {
                if (group != "class-attrs-all")
                {
                    return [];
                }

                wroteAll = true;
                return [line];
            },
            rewrite: (group, key, _) => group is not null && group.StartsWith("class-attrs-", StringComparison.Ordinal) && key == "pre-cluster-threshold"
                ? (group == "class-attrs-all" ? string.Empty : line)
                : null);
        if (!wroteAll)
        {
            text += "[class-attrs-all]\n" + line + "\n";
        }

        Directory.CreateDirectory(outputDirectory);
        var path = Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(inferConfig) + ".threshold-" + value + ".txt");
        File.WriteAllText(path, text);
        return path;
    }
}
