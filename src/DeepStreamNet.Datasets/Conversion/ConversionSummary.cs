using System.Globalization;
using System.Text;
using System.Text.Json;
using DeepStreamNet.Datasets.Sources;

namespace DeepStreamNet.Datasets.Conversion;

/// <summary>Result of a conversion: per-dataset counts, totals and every problem with its path.</summary>
public sealed class ConversionSummary
{
    public required string OutputDirectory { get; init; }

    public required string Split { get; init; }

    /// <summary>Absolute paths of what the run wrote: the JPEG folder, the KITTI folder and the list of stems.</summary>
    public string ImagesDirectory => Path.Combine(OutputDirectory, "images");

    public string LabelsDirectory => Path.Combine(OutputDirectory, "labels");

    public string ManifestPath => Path.Combine(OutputDirectory, KittiConverter.ManifestName);

    public int CategoryLimit { get; init; }

    public List<DatasetSummary> Datasets { get; } = [];

    public List<SourceProblem> Problems { get; } = [];

    /// <summary>Files of an earlier run into the same folder that this run no longer produces, and were removed.</summary>
    public int StaleFilesRemoved { get; set; }

    public int TotalMask => Datasets.Sum(d => d.MaskFaces);

    public int TotalNoMask => Datasets.Sum(d => d.NoMaskFaces);

    public int TotalImages => Datasets.Sum(d => d.ImagesWritten);

    public string ToJson() => JsonSerializer.Serialize(this, JsonDefaults.Indented);

    public string ToText()
    {
        var I = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(I, $"Converted into {OutputDirectory} (split {Split}, category limit {CategoryLimit})");
        sb.AppendLine(I, $"{"dataset",-14} {"listed",7} {"written",7} {"mask",6} {"no-mask",7} {"dontcare",8}");
        foreach (var d in Datasets)
        {
            sb.AppendLine(I, $"{d.Dataset,-14} {d.ImagesListed,7} {d.ImagesWritten,7} {d.MaskFaces,6} {d.NoMaskFaces,7} {d.DontCareFaces,8}");
            foreach (var (reason, n) in d.ImagesSkipped)
            {
                sb.AppendLine(I, $"    images skipped: {n,6}  {reason}");
            }

            foreach (var (reason, n) in d.FacesNotLabelled)
            {
                sb.AppendLine(I, $"    faces not labelled mask/no-mask: {n,6}  {reason}");
            }
        }

        sb.AppendLine(I, $"{"total",-14} {Datasets.Sum(d => d.ImagesListed),7} {TotalImages,7} {TotalMask,6} {TotalNoMask,7} {Datasets.Sum(d => d.DontCareFaces),8}");
        sb.AppendLine(I, $"wrote {TotalImages} images to {ImagesDirectory}");
        sb.AppendLine(I, $"wrote {TotalImages} KITTI label files to {LabelsDirectory}");
        sb.AppendLine(I, $"wrote the list of written stems to {ManifestPath}");
        if (StaleFilesRemoved > 0)
        {
            sb.AppendLine(I, $"removed {StaleFilesRemoved} files of an earlier run that this run does not produce");
        }

        if (Problems.Count > 0)
        {
            sb.AppendLine(I, $"{Problems.Count} problem(s):");
            foreach (var p in Problems)
            {
                sb.Append("  ").AppendLine(p.ToString());
            }
        }

        return sb.ToString();
    }
}
