namespace DeepStreamNet.Pipeline;

/// <summary>What the host does around the pipeline (from <c>[application]</c> and <c>[tests]</c>).</summary>
public sealed record RunOptions
{
    public bool EnablePerfMeasurement { get; init; }

    /// <summary>Seconds between FPS prints (deepstream-app's default is 5 when unset).</summary>
    public int PerfMeasurementIntervalSec { get; init; } = 5;

    public string? GieKittiOutputDir { get; init; }

    public string? KittiTrackOutputDir { get; init; }

    public string? ReidTrackOutputDir { get; init; }

    /// <summary>Seek file sources back to the start at EOS.</summary>
    public bool FileLoop { get; init; }

    public int PipelineRecreateSec { get; init; }

    /// <summary>Rebuild per-object label text (tiler off or one source), as deepstream-app does.</summary>
    public bool RewriteLabels { get; init; }

    public bool DisplayTrackingId { get; init; } = true;
}
