namespace DeepStreamNet.Config;

/// <summary><c>[application]</c> keys (deepstream-app 6.3) and <c>[tests]</c> keys.</summary>
public static class ApplicationKeys
{
    public static readonly Key<bool> EnablePerfMeasurement = Declare.Flag("enable-perf-measurement");
    public static readonly Key<int> PerfMeasurementIntervalSec = Declare.Int("perf-measurement-interval-sec", 0, min: 0, max: 86400);
    public static readonly Key<string?> GieKittiOutputDir = Declare.Path("gie-kitti-output-dir");
    public static readonly Key<string?> KittiTrackOutputDir = Declare.Path("kitti-track-output-dir");
    public static readonly Key<string?> ReidTrackOutputDir = Declare.Path("reid-track-output-dir", "6.3");

    public static readonly Key<bool> FileLoop = Declare.Flag("file-loop");
    public static readonly Key<int> PipelineRecreateSec = Declare.Int("pipeline-recreate-sec", 0, min: 0, since: "6.1");

    public static readonly KeySpec[] All = [EnablePerfMeasurement, PerfMeasurementIntervalSec, GieKittiOutputDir, KittiTrackOutputDir, ReidTrackOutputDir];

    public static readonly KeySpec[] Tests = [FileLoop, PipelineRecreateSec];
}
