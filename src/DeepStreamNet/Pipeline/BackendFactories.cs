namespace DeepStreamNet.Pipeline;

/// <summary>The element factory of each backend-specific role: NVIDIA DeepStream 6.3's element or the portable one.</summary>
internal sealed record BackendFactories(
    string Muxer,
    string Inference,
    string Tracker,
    string Tiler,
    string Demuxer,
    string Osd,
    string SourceConverter,
    string Mp4Muxer)
{
    public static readonly BackendFactories DeepStream = new(
        "nvstreammux", "nvinfer", "nvtracker", "nvmultistreamtiler", "nvstreamdemux", "nvdsosd", "nvvideoconvert", "qtmux");

    public static readonly BackendFactories Portable = new(
        "dsnetstreammux", "dsnetinfer", "dsnettracker", "dsnetmultistreamtiler", "dsnetstreamdemux", "dsnetosd", "videoconvert", "mp4mux");

    public static BackendFactories For(PipelineBackend backend) => backend == PipelineBackend.DeepStream ? DeepStream : Portable;
}
