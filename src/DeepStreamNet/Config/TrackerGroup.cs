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

    public bool DisplayTrackingId { get; init; } = TrackerKeys.DisplayTrackingId.Default;

    public int TrackingIdResetMode { get; init; }

    public bool InputTensorMeta { get; init; }

    public int TensorMetaGieId { get; init; }

    public int ComputeHw { get; init; }

    public int UserMetaPoolSize { get; init; } = TrackerKeys.UserMetaPoolSize.Default;

    public KeyFileGroup? Group { get; init; }

    internal static TrackerGroup Read(GroupReader r) => new()
    {
        Enable = r.Value(CommonKeys.Enable),
        TrackerWidth = r.Value(TrackerKeys.TrackerWidth),
        TrackerHeight = r.Value(TrackerKeys.TrackerHeight),
        GpuId = r.Value(CommonKeys.GpuId),
        LlLibFile = r.Value(TrackerKeys.LlLibFile),
        LlConfigFile = r.Value(TrackerKeys.LlConfigFile),
        TrackerSurfaceType = r.Value(TrackerKeys.TrackingSurfaceType), // deepstream_tracker_bin.c:53: tracker-surface-type is read but unused
        DisplayTrackingId = r.Value(TrackerKeys.DisplayTrackingId),
        TrackingIdResetMode = r.Value(TrackerKeys.TrackingIdResetMode),
        InputTensorMeta = r.Value(TrackerKeys.InputTensorMeta),
        TensorMetaGieId = r.Value(TrackerKeys.TensorMetaGieId),
        ComputeHw = r.Value(TrackerKeys.ComputeHw),
        UserMetaPoolSize = r.Value(TrackerKeys.UserMetaPoolSize),
        Group = r.Group,
    };
}
