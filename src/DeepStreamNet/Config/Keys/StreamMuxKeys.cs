namespace DeepStreamNet.Config;

/// <summary><c>[streammux]</c> keys.</summary>
public static class StreamMuxKeys
{
    /// <summary>Frames per batch; 0 = not set (deepstream-app then leaves the element default).</summary>
    public static readonly Key<int> BatchSize = Declare.Int("batch-size", 0, min: 0, max: CommonKeys.MaxSources);

    /// <summary>µs; −1 = wait for a full batch.</summary>
    public static readonly Key<int> BatchedPushTimeout = Declare.Int("batched-push-timeout", -1, min: -1);
    public static readonly Key<int> Width = CommonKeys.Dimension("width");
    public static readonly Key<int> Height = CommonKeys.Dimension("height");
    public static readonly Key<bool> EnablePadding = Declare.Flag("enable-padding");
    public static readonly Key<bool> LiveSource = Declare.Flag("live-source");
    public static readonly Key<int> BufferPoolSize = Declare.Int("buffer-pool-size", 0, min: 0, max: 1024, since: "6.0", on: KeyBackends.DeepStream);
    public static readonly Key<bool> AttachSysTsAsNtp = Declare.Flag("attach-sys-ts-as-ntp", true);
    public static readonly Key<int> NumSurfacesPerFrame = Declare.Int("num-surfaces-per-frame", 0, min: 0, max: 16, on: KeyBackends.DeepStream);
    public static readonly Key<string?> ConfigFile = Declare.Path("config-file", "6.0", on: KeyBackends.DeepStream);
    public static readonly Key<bool> SyncInputs = Declare.Flag("sync-inputs", since: "6.0");
    public static readonly Key<long> MaxLatency = Declare.Long("max-latency", 0, min: 0, since: "6.0");
    public static readonly Key<bool> FrameNumResetOnEos = Declare.Bool("frame-num-reset-on-eos", since: "6.0");
    public static readonly Key<bool> FrameNumResetOnStreamReset = Declare.Bool("frame-num-reset-on-stream-reset", since: "6.2");
    public static readonly Key<long> FrameDuration = Declare.Long("frame-duration", -1, min: -1, since: "6.2");
    public static readonly Key<bool> AsyncProcess = Declare.Bool("async-process", true, since: "6.2");
    public static readonly Key<bool> DropPipelineEos = Declare.Bool("drop-pipeline-eos", since: "6.2");

    public static readonly KeySpec[] All =
    [
        CommonKeys.GpuId, BatchSize, BatchedPushTimeout, Width, Height, EnablePadding, LiveSource, CommonKeys.NvbufMemoryType,
        BufferPoolSize, AttachSysTsAsNtp, NumSurfacesPerFrame, ConfigFile, SyncInputs, MaxLatency, FrameNumResetOnEos,
        FrameNumResetOnStreamReset, FrameDuration, AsyncProcess, DropPipelineEos,
    ];
}
