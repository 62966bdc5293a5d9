namespace DeepStreamNet.Config;

/// <summary><c>[tracker]</c> (read even when disabled, as deepstream-app does).</summary>
public sealed record TrackerGroup
{
    public bool Enable { get; init; }

    public int TrackerWidth { get; init; }

    public int TrackerHeight { get; init; }

    public int GpuId { get; init; }

    public string? LlLibFile { get; init; }

    public string? LlConfigFile { get; init; }

    public int TrackerSurfaceType { get; init; }

    public bool DisplayTrackingId { get; init; } = true;

    public int TrackingIdResetMode { get; init; }

    public bool InputTensorMeta { get; init; }

    public int TensorMetaGieId { get; init; }

    public int ComputeHw { get; init; }

    public int UserMetaPoolSize { get; init; } = 16;

    public KeyFileGroup? Group { get; init; }

    internal static TrackerGroup Read(GroupReader r) => new()
    {
        Enable = r.GetIntBool("enable", false),
        TrackerWidth = r.GetInt("tracker-width", 0),
        TrackerHeight = r.GetInt("tracker-height", 0),
        GpuId = r.GetInt("gpu-id", 0),
        LlLibFile = r.GetPath("ll-lib-file"),
        LlConfigFile = r.GetPath("ll-config-file"),
        TrackerSurfaceType = r.GetInt("tracker-surface-type") ?? r.GetInt("tracking-surface-type", 0),
        DisplayTrackingId = r.GetIntBool("display-tracking-id", true),
        TrackingIdResetMode = r.GetInt("tracking-id-reset-mode", 0),
        InputTensorMeta = r.GetBool("input-tensor-meta", false),
        TensorMetaGieId = r.GetInt("tensor-meta-gie-id", 0),
        ComputeHw = r.GetInt("compute-hw", 0),
        UserMetaPoolSize = r.GetInt("user-meta-pool-size", 16),
        Group = r.Group,
    };
}
