namespace DeepStreamNet.Config;

/// <summary><c>[streammux]</c>.</summary>
public sealed record StreamMuxGroup
{
    public int GpuId { get; init; }

    /// <summary>Frames per batch; 0 = not set (deepstream-app then leaves the element default).</summary>
    public int BatchSize { get; init; }

    /// <summary>µs; −1 = wait for a full batch.</summary>
    public int BatchedPushTimeout { get; init; } = -1;

    public int Width { get; init; }

    public int Height { get; init; }

    public bool EnablePadding { get; init; }

    public bool LiveSource { get; init; }

    public int NvbufMemoryType { get; init; }

    public int BufferPoolSize { get; init; }

    public bool AttachSysTsAsNtp { get; init; } = true;

    public int NumSurfacesPerFrame { get; init; }

    public string? ConfigFile { get; init; }

    public bool SyncInputs { get; init; }

    public long MaxLatency { get; init; }

    public bool FrameNumResetOnEos { get; init; }

    public bool FrameNumResetOnStreamReset { get; init; }

    public long FrameDuration { get; init; } = -1;

    public bool AsyncProcess { get; init; } = true;

    public bool DropPipelineEos { get; init; }

    public KeyFileGroup? Group { get; init; }

    internal static StreamMuxGroup Read(GroupReader r) => new()
    {
        GpuId = r.GetInt("gpu-id", 0),
        BatchSize = r.GetInt("batch-size", 0),
        BatchedPushTimeout = r.GetInt("batched-push-timeout", -1),
        Width = r.GetInt("width", 0),
        Height = r.GetInt("height", 0),
        EnablePadding = r.GetIntBool("enable-padding", false),
        LiveSource = r.GetIntBool("live-source", false),
        NvbufMemoryType = r.GetInt("nvbuf-memory-type", 0),
        BufferPoolSize = r.GetInt("buffer-pool-size", 0),
        AttachSysTsAsNtp = r.GetIntBool("attach-sys-ts-as-ntp", true),
        NumSurfacesPerFrame = r.GetInt("num-surfaces-per-frame", 0),
        ConfigFile = r.GetPath("config-file"),
        SyncInputs = r.GetIntBool("sync-inputs", false),
        MaxLatency = r.GetInt64("max-latency") ?? 0,
        FrameNumResetOnEos = r.GetBool("frame-num-reset-on-eos", false),
        FrameNumResetOnStreamReset = r.GetBool("frame-num-reset-on-stream-reset", false),
        FrameDuration = r.GetInt64("frame-duration") ?? -1,
        AsyncProcess = r.GetBool("async-process", true),
        DropPipelineEos = r.GetBool("drop-pipeline-eos", false),
        Group = r.Group,
    };
}
