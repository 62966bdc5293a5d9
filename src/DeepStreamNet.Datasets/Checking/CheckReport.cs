using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DeepStreamNet.Datasets.Checking;

/// <summary>Result of <c>dsnet dataset check</c>: counts and every issue with the file (and line) it concerns.</summary>
public sealed class CheckReport
{
    public required string Directory { get; init; }

    public int Images { get; set; }

    public int LabelFiles { get; set; }

    public SortedDictionary<string, int> ObjectsPerClass { get; } = new(StringComparer.Ordinal);

    /// <summary>Distinct image sizes ("WxH") and how many images have each.</summary>
    public SortedDictionary<string, int> ImageSizes { get; } = new(StringComparer.Ordinal);

    public List<string> Issues { get; } = [];

    public bool Ok => Issues.Count == 0;

    public string ToJson() => JsonSerializer.Serialize(this, JsonDefaults.Indented);

    public string ToText()
    {
        var I = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(I, $"{Directory}: {Images} images, {LabelFiles} label files");
        foreach (var (cls, n) in ObjectsPerClass)
        {
            sb.AppendLine(I, $"  {cls}: {n}");
        }

        sb.AppendLine(I, $"  image sizes: {string.Join(", ", ImageSizes.Select(kv => $"{kv.Key} ({kv.Value})"))}");
        if (Ok)
        {
            sb.AppendLine("OK");
        }
        else
        {
            sb.AppendLine(I, $"{Issues.Count} issue(s):");
            foreach (var i in Issues)
            {
                sb.Append("  ").AppendLine(i);
            }
        }

        return sb.ToString();
    }
}
