namespace DeepStreamNet;

/// <summary>Which element set a pipeline uses: the one backend enum of the host (config checks, graphs, runs).</summary>
public enum PipelineBackend
{
    /// <summary>DeepStream when the GStreamer registry has the <c>nvinfer</c> factory, else portable. Config checks
    /// made before a backend is chosen are backend-neutral (DeepStream-only needs are warnings).</summary>
    Auto,

    /// <summary>NVIDIA DeepStream 6.3 elements, linked as deepstream-app links them.</summary>
    DeepStream,

    /// <summary>The portable dsnet* elements plus stock GStreamer elements.</summary>
    Portable,
}
