namespace DeepStreamNet.Datasets.Evaluation;

/// <summary>Settings of an evaluation (defaults follow the face-mask recipe's TLT evaluation spec where it has one).</summary>
public sealed record EvaluationOptions
{
    /// <summary>Classes to evaluate; names compare case-insensitively after <see cref="ClassMap"/>.</summary>
    public IReadOnlyList<string> Classes { get; init; } = ["mask", "no-mask"];

    /// <summary>Renames applied to ground-truth and prediction class names before comparing (case-insensitive keys).</summary>
    public IReadOnlyDictionary<string, string> ClassMap { get; init; } = DefaultClassMap;

    /// <summary>Minimum IoU for a detection to match a ground-truth box (TLT: minimum_detection_ground_truth_overlap 0.5).</summary>
    public double IouThreshold { get; init; } = 0.5;

    /// <summary>Score threshold for the precision / recall / accuracy figures (AP uses every detection).</summary>
    public double ScoreThreshold { get; init; } = 0.5;

    /// <summary>TLT evaluation_box_config: boxes outside these sizes are excluded from evaluation.</summary>
    public double MinBoxHeight { get; init; }

    public double MaxBoxHeight { get; init; } = double.PositiveInfinity;

    public double MinBoxWidth { get; init; }

    public double MaxBoxWidth { get; init; } = double.PositiveInfinity;

    public GroundTruthFormat GroundTruthFormat { get; init; } = GroundTruthFormat.Kitti;

    /// <summary>Label-set names that mean mask / no-mask in the datasets this project reads.</summary>
    public static IReadOnlyDictionary<string, string> DefaultClassMap { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["none"] = "no-mask",
        ["nomask"] = "no-mask",
        ["no_mask"] = "no-mask",
        ["with_mask"] = "mask",
        ["without_mask"] = "no-mask",
        ["face_with_mask"] = "mask",
        ["face_no_mask"] = "no-mask",
    };

    /// <summary>Checks the settings before any file is read.</summary>
    /// <exception cref="ArgumentException">The IoU threshold is not in (0, 1], a threshold or box size is not a number, or no class is named.</exception>
    public void Validate()
    {
        if (!(IouThreshold > 0 && IouThreshold <= 1))
        {
            throw new ArgumentException(FormattableString.Invariant($"IoU threshold {IouThreshold} must be a number in (0, 1], e.g. 0.5"));
        }

        if (double.IsNaN(ScoreThreshold))
        {
            throw new ArgumentException("score threshold must be a number, e.g. 0.5");
        }

        if (double.IsNaN(MinBoxHeight) || double.IsNaN(MaxBoxHeight) || double.IsNaN(MinBoxWidth) || double.IsNaN(MaxBoxWidth))
        {
            throw new ArgumentException("box size limits must be numbers");
        }

        if (Classes.Count == 0)
        {
            throw new ArgumentException("no class to evaluate");
        }
    }

    /// <summary>Parses <c>from=to[,from=to…]</c> and adds it to the default map.</summary>
    /// <exception cref="FormatException">An entry is not from=to.</exception>
    public static IReadOnlyDictionary<string, string> ParseClassMap(string? text)
    {
        var map = new Dictionary<string, string>(DefaultClassMap, StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(text))
        {
            return map;
        }

        foreach (var entry in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == entry.Length - 1)
            {
                throw new FormatException($"class map entry '{entry}' is not from=to");
            }

            map[entry[..eq].Trim()] = entry[(eq + 1)..].Trim();
        }

        return map;
    }
}
