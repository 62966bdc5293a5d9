namespace DeepStreamNet.Config;

/// <summary><c>[streammux]</c>.</summary>
public sealed record StreamMuxGroup
{
    public int GpuId { get; init; }

    /// <summary>Frames per batch; 0 = not set (deepstream-app then leaves the element default).</summary>
    public int BatchSize { get; init; }

    /// <summary>µs; −1 = wait for a full batch.</summary>
    public int BatchedPushTimeout { get; init; } = StreamMuxKeys.BatchedPushTimeout.Default;

    public int Width { get; init; }

    public int Height { get; init; }

    public bool EnablePadding { get; init; }

    public bool LiveSource { get; init; }

    public int NvbufMemoryType { get; init; }

    public int BufferPoolSize { get; init; }

    public bool AttachSysTsAsNtp { get; init; } = StreamMuxKeys.AttachSysTsAsNtp.Default;

    public int NumSurfacesPerFrame { get; init; }

    public string? ConfigFile { get; init; }

    public bool SyncInputs { get; init; }

    public long MaxLatency { get; init; }

    public bool FrameNumResetOnEos { get; init; }

    public bool FrameNumResetOnStreamReset { get; init; }

    public long FrameDuration { get; init; } = StreamMuxKeys.FrameDuration.Default;

    public bool AsyncProcess { get; init; } = StreamMuxKeys.AsyncProcess.Default;

    public bool DropPipelineEos { get; init; }

    public KeyFileGroup? Group { get; init; }

    internal static StreamMuxGroup Read(GroupReader r) => new()
    {
        GpuId = r.Value(CommonKeys.GpuId),
        BatchSize = r.Value(StreamMuxKeys.BatchSize),
        BatchedPushTimeout = r.Value(StreamMuxKeys.BatchedPushTimeout),
        Width = r.Value(StreamMuxKeys.Width),
        Height = r.Value(StreamMuxKeys.Height),
        EnablePadding = r.Value(StreamMuxKeys.EnablePadding),
        LiveSource = r.Value(StreamMuxKeys.LiveSource),
        NvbufMemoryType = r.Value(CommonKeys.NvbufMemoryType),
        BufferPoolSize = r.Value(StreamMuxKeys.BufferPoolSize),
        AttachSysTsAsNtp = r.Value(StreamMuxKeys.AttachSysTsAsNtp),
        NumSurfacesPerFrame = r.Value(StreamMuxKeys.NumSurfacesPerFrame),
        ConfigFile = r.Value(StreamMuxKeys.ConfigFile),
        SyncInputs = r.Value(StreamMuxKeys.SyncInputs),
        MaxLatency = r.Value(StreamMuxKeys.MaxLatency),
        FrameNumResetOnEos = r.Value(StreamMuxKeys.FrameNumResetOnEos),
        FrameNumResetOnStreamReset = r.Value(StreamMuxKeys.FrameNumResetOnStreamReset),
        FrameDuration = r.Value(StreamMuxKeys.FrameDuration),
        AsyncProcess = r.Value(StreamMuxKeys.AsyncProcess),
        DropPipelineEos = r.Value(StreamMuxKeys.DropPipelineEos),
        Group = r.Group,
    };
}
