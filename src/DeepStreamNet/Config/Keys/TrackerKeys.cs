namespace DeepStreamNet.Config;

/// <summary><c>[tracker]</c> keys.</summary>
public static class TrackerKeys
{
    private const string Removed63 = "removed in DeepStream 6.3 (read by 5.0-6.2 only); deepstream-app 6.3 ignores it";
    private const string NeverParsed = "the name is defined by deepstream-app but never parsed; it has no effect";

    public static readonly Key<int> TrackerWidth = CommonKeys.Dimension("tracker-width");
    public static readonly Key<int> TrackerHeight = CommonKeys.Dimension("tracker-height");

    /// <summary>The low-level tracker library; the portable tracker is built in.</summary>
    public static readonly Key<string?> LlLibFile = Declare.Path("ll-lib-file", on: KeyBackends.DeepStream);
    public static readonly Key<string?> LlConfigFile = Declare.Path("ll-config-file");

    /// <summary>Name deepstream-app reads first; <see cref="TrackingSurfaceType"/> when absent.</summary>
    public static readonly Key<int?> TrackerSurfaceType = Declare.OptionalInt("tracker-surface-type", min: 0, on: KeyBackends.DeepStream);
    public static readonly Key<int> TrackingSurfaceType = Declare.Int("tracking-surface-type", 0, min: 0, on: KeyBackends.DeepStream);
    public static readonly Key<bool> DisplayTrackingId = Declare.Flag("display-tracking-id", true);
    public static readonly Key<int> TrackingIdResetMode = Declare.Int("tracking-id-reset-mode", 0, min: 0, max: 3, since: "6.0");
    public static readonly Key<bool> InputTensorMeta = Declare.Bool("input-tensor-meta", since: "6.2");
    public static readonly Key<int> TensorMetaGieId = Declare.Int("tensor-meta-gie-id", 0, min: 0, since: "6.2");
    public static readonly Key<int> ComputeHw = Declare.Int("compute-hw", 0, min: 0, max: 2, since: "6.2", on: KeyBackends.DeepStream);
    public static readonly Key<int> UserMetaPoolSize = Declare.Int("user-meta-pool-size", 16, min: 0, max: 65536, since: "6.3");

    public static readonly KeySpec[] All =
    [
        CommonKeys.Enable, TrackerWidth, TrackerHeight, CommonKeys.GpuId, LlLibFile, LlConfigFile, TrackerSurfaceType,
        TrackingSurfaceType, DisplayTrackingId, TrackingIdResetMode, InputTensorMeta, TensorMetaGieId, ComputeHw, UserMetaPoolSize,
        Declare.NotRead("enable-batch-process", KeyType.IntBool, "5.0", Removed63),
        Declare.NotRead("enable-past-frame", KeyType.IntBool, "5.0", Removed63),
        Declare.NotRead("tracker-algorithm", KeyType.String, "5.0", NeverParsed),
        Declare.NotRead("iou-threshold", KeyType.String, "5.0", NeverParsed),
    ];
}
