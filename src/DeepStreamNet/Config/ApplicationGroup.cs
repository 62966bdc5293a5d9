namespace DeepStreamNet.Config;

/// <summary><c>[application]</c>: run options (performance printing, KITTI dumps). Kept as run options in the pipeline graph.</summary>
public sealed record ApplicationGroup
{
    public bool EnablePerfMeasurement { get; init; }

    /// <summary>FPS print interval in seconds (0 = not set; deepstream-app then uses its default of 5 s).</summary>
    public int PerfMeasurementIntervalSec { get; init; }

    public string? GieKittiOutputDir { get; init; }

    public string? KittiTrackOutputDir { get; init; }

    public string? ReidTrackOutputDir { get; init; }

    internal static ApplicationGroup Read(GroupReader r) => new()
    {
        EnablePerfMeasurement = r.Value(ApplicationKeys.EnablePerfMeasurement),
        PerfMeasurementIntervalSec = r.Value(ApplicationKeys.PerfMeasurementIntervalSec),
        GieKittiOutputDir = r.Value(ApplicationKeys.GieKittiOutputDir),
        KittiTrackOutputDir = r.Value(ApplicationKeys.KittiTrackOutputDir),
        ReidTrackOutputDir = r.Value(ApplicationKeys.ReidTrackOutputDir),
    };
}
