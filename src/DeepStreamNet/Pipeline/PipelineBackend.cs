namespace DeepStreamNet.Pipeline;

/// <summary>Which element set a pipeline graph uses.</summary>
public enum PipelineBackend
{
    /// <summary>DeepStream when the <c>nvinfer</c> factory exists, else portable.</summary>
    Auto,

    /// <summary>NVIDIA DeepStream 6.3 elements, linked as deepstream-app links them.</summary>
    DeepStream,

    /// <summary>The portable dsnet* elements plus stock GStreamer elements.</summary>
    Portable,
}
